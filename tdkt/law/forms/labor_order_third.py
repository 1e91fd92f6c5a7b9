"""Huân chương Lao động hạng Ba — `labor_order_third`, individuals (Law 2022 Điều 44 k1 điểm e; Bộ Nội vụ's
answer, one source).

Already holds `prime_minister_merit_certificate` (a merit award), then ≥ 5 consecutive years up to the year
under review rated `good` or better — all after the year of that Bằng khen ("sau đó") — with ≥ 1 `excellent`
year and 3 `grassroots_emulation_fighter` titles in that period. Other branches (exceptional achievements,
long service — ND 152 Điều 21) are outside this check.

Old regime (from 2017-10-01): Law 2003 as amended in 2013, Điều 44 khoản 1. The amended text was not retrieved
(law.md / legal-rules.md: only the original 2003 text "7 consecutive CSTĐCS + 2 Bằng khen cấp bộ or 1 Bằng
khen Thủ tướng" was seen, one source). Encoded is the best-known reading of the 2013 text, every number a
parameter with verified: false: already holds `prime_minister_merit_certificate`, then ≥ 5 consecutive years
after it rated `excellent`, in which ≥ 5 initiatives (or research works) recognised at `unit` scope or above,
or ≥ 1 at `provincial` scope or above — the same shape as the old Bằng khen Thủ tướng rule.
"""

from tdkt.law.context import Ctx, years_text
from tdkt.law.forms._periods import (
    EXEMPLARY,
    Count,
    after_award_condition,
    after_prior_award,
    excellent,
    has,
    holds_condition,
)
from tdkt.law.registry import rule
from tdkt.law.titles.grassroots_emulation_fighter import SCOPE_VI
from tdkt.law.verdict import Condition

LAW_2003_ART_44_1 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 44, khoản 1"
LAW_2022_ART_44_1 = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 1"
LAW_2022_ART_44_1_E = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 1, điểm e"


def excellent_years_with_initiatives(
    ctx: Ctx, *, prior_form: str, prefix: str, cite: str, alternative: bool = False
) -> list[Condition]:
    """Old regime (Law 2003 as amended 2013, Huân chương Lao động): already holds `prior_form` (a merit
    award), then `<prefix>.consecutive_years` consecutive years after it, up to the year under review, rated
    `excellent`, in which ≥ `<prefix>.initiatives` initiatives or research works at
    `<prefix>.initiative_scope` or above — or, with `alternative`, ≥ `<prefix>.alternative_initiatives` at
    `<prefix>.alternative_initiative_scope` or above."""
    minimum = ctx.param(f"{prefix}.consecutive_years")
    need = ctx.param(f"{prefix}.initiatives")
    scope = ctx.param(f"{prefix}.initiative_scope")
    holds, award_year = holds_condition(ctx, f"holds_{prior_form}", prior_form, cite)
    years = ctx.run_ending(minimum.value)
    chain = ctx.chain(years, excellent)
    found = ctx.achievements(years, minimum_scope=scope.value)
    enough = len(found) >= need.value
    text = (
        f"Sáng kiến, đề tài được công nhận, áp dụng hiệu quả từ {SCOPE_VI[scope.value]} trở lên trong các "
        f"năm {years_text(years)}: {len(found)}, cần {need.value}"
    )
    used = [need, scope]
    if alternative:
        other = ctx.param(f"{prefix}.alternative_initiatives")
        other_scope = ctx.param(f"{prefix}.alternative_initiative_scope")
        found_other = ctx.achievements(years, minimum_scope=other_scope.value)
        enough = enough or len(found_other) >= other.value
        text += f"; hoặc từ {SCOPE_VI[other_scope.value]} trở lên: {len(found_other)}, cần {other.value}"
        used += [other, other_scope]
    missing_data = [y for y in years if ctx.record(y) is None]
    met = True if enough else (None if missing_data else False)
    if met is None:
        text += f" — chưa có dữ liệu năm {years_text(missing_data)}"
    return [
        holds,
        after_award_condition(ctx, "years_after_prior_award", award_year, minimum, prior_form, cite),
        ctx.chain_condition("excellent_years", chain, "Hoàn thành xuất sắc nhiệm vụ liên tục", minimum, cite),
        ctx.condition("initiatives", met, text, *used, cite),
    ]


@rule("labor_order_third", since="2017-10-01")
def labor_order_third_2017_10_01(ctx: Ctx):
    return [
        *excellent_years_with_initiatives(
            ctx,
            prior_form="prime_minister_merit_certificate",
            prefix="labor_order_third",
            cite=LAW_2003_ART_44_1,
            alternative=True,
        ),
        ctx.judgement("exemplary", EXEMPLARY, LAW_2003_ART_44_1),
    ]


@rule("labor_order_third", since="2024-01-01")
def labor_order_third_2024_01_01(ctx: Ctx):
    return [
        *after_prior_award(
            ctx,
            prior_form="prime_minister_merit_certificate",
            minimum=ctx.param("labor_order_third.consecutive_years"),
            counts=(
                Count(
                    "excellent_years_count",
                    excellent,
                    ctx.param("labor_order_third.excellent_years"),
                    "xếp loại «Hoàn thành xuất sắc nhiệm vụ»",
                ),
                Count(
                    "grassroots_fighter_count",
                    has("grassroots_emulation_fighter"),
                    ctx.param("labor_order_third.grassroots_fighter_titles"),
                    "đạt Chiến sĩ thi đua cơ sở",
                ),
            ),
            cite=LAW_2022_ART_44_1_E,
        ),
        ctx.judgement(
            "exemplary",
            EXEMPLARY,
            LAW_2022_ART_44_1,
        ),
    ]
