"""Bằng khen của Thủ tướng Chính phủ — `prime_minister_merit_certificate`, individuals (Law 2022 Điều 73 k1
điểm b).

Already holds `provincial_merit_certificate` (a merit award: thematic and extraordinary ones do not count),
and ≥ 5 consecutive years up to the year under review rated `good` or better, with 3
`grassroots_emulation_fighter` titles in that period. Whether the 5 years must follow the Bằng khen is not
clear in the text: `prime_minister_merit_certificate.years_after_prior_award` (default true, the common
reading; verified false) decides it. Branches a and c (an achievement voted in a movement, exceptional
achievements) are case-by-case proposals outside this check.
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

LAW_2003_ART_71 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 71"
LAW_2022_ART_73_1 = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 1"
LAW_2022_ART_73_1_B = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 1, điểm b"


@rule("prime_minister_merit_certificate", since="2017-10-01")
def prime_minister_merit_certificate_2017_10_01(ctx: Ctx):
    """Old regime: Bằng khen cấp bộ/tỉnh, then 5 following consecutive years rated excellent with 5
    initiatives (or research works) recognised at unit scope or above in those years."""
    minimum = ctx.param("prime_minister_merit_certificate.consecutive_years")
    need = ctx.param("prime_minister_merit_certificate.initiatives")
    holds, award_year = holds_condition(
        ctx, "holds_provincial_merit_certificate", "provincial_merit_certificate", LAW_2003_ART_71
    )
    years = ctx.run_ending(minimum.value)
    chain = ctx.chain(years, excellent)
    found = ctx.achievements(years, minimum_scope="unit")
    missing_data = [y for y in years if ctx.record(y) is None]
    met = True if len(found) >= need.value else (None if missing_data else False)
    text = (
        f"Sáng kiến, đề tài được công nhận từ cấp cơ sở trong các năm {years_text(years)}: {len(found)}, "
        f"cần {need.value}"
    )
    if met is None:
        text += f" — chưa có dữ liệu năm {years_text(missing_data)}"
    return [
        holds,
        after_award_condition(
            ctx,
            "years_after_prior_award",
            award_year,
            minimum,
            "provincial_merit_certificate",
            LAW_2003_ART_71,
        ),
        ctx.chain_condition(
            "excellent_years", chain, "Hoàn thành xuất sắc nhiệm vụ liên tục", minimum, LAW_2003_ART_71
        ),
        ctx.condition("initiatives", met, text, need, LAW_2003_ART_71),
        ctx.judgement("exemplary", EXEMPLARY, LAW_2003_ART_71),
    ]


@rule("prime_minister_merit_certificate", since="2024-01-01")
def prime_minister_merit_certificate_2024_01_01(ctx: Ctx):
    after = ctx.param("prime_minister_merit_certificate.years_after_prior_award")
    return [
        *after_prior_award(
            ctx,
            prior_form="provincial_merit_certificate",
            minimum=ctx.param("prime_minister_merit_certificate.consecutive_years"),
            counts=(
                Count(
                    "grassroots_fighter_count",
                    has("grassroots_emulation_fighter"),
                    ctx.param("prime_minister_merit_certificate.grassroots_fighter_titles"),
                    "đạt Chiến sĩ thi đua cơ sở",
                ),
            ),
            cite=LAW_2022_ART_73_1_B,
            after_required=bool(after.value),
            after_cites=(after,),
        ),
        ctx.judgement(
            "exemplary",
            EXEMPLARY,
            LAW_2022_ART_73_1,
        ),
    ]
