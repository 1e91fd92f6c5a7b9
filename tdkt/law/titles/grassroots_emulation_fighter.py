"""Chiến sĩ thi đua cơ sở — `grassroots_emulation_fighter` (Law 2022 Điều 23; old regime: Law 2003
Điều 23 with ND 91/2017 Điều 9, where an initiative or research work was required and `excellent` alone was
not enough).

Meeting LĐTT for the year: the unit confers LĐTT before CSTĐCS (case-format.md), so the title in the year's
record is enough; without it the LĐTT conditions themselves (months worked, long absence, rating) are
evaluated.

The cap on the number of CSTĐCS (`grassroots_emulation_fighter.cap_share`: 15 % of the unit's LĐTT before
2024, no national cap after) is a quota of the unit: a one-person case cannot check it, so it is only a
parameter.

Also here: helpers shared by the higher titles (initiatives over a run of years, scope labels)."""

import dataclasses
from collections.abc import Iterable

from tdkt.law.context import Chain, Ctx, label, years_text
from tdkt.law.parameters import Value
from tdkt.law.registry import rule
from tdkt.law.titles.advanced_worker import (
    LAW_2003_ART_24,
    LAW_2022_ART_24_1_B,
    gate_conditions,
    rating_condition,
)
from tdkt.law.vocabulary import SCOPES

LAW_2022_ART_23_1 = "Luật Thi đua, khen thưởng 2022, Điều 23, khoản 1"
LAW_2003_ART_23 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 23"

SCOPE_VI = {"unit": "cấp cơ sở", "provincial": "cấp bộ, ban, ngành, tỉnh", "national": "toàn quốc"}
ACHIEVEMENT_VI = "sáng kiến hoặc đề tài khoa học"


def all_of(values: Iterable[bool | None]) -> bool | None:
    """Three-valued AND: False if one is False, else None if one is unknown, else True."""
    values = list(values)
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def advanced_worker_condition(ctx: Ctx, cite: str):
    """Meets LĐTT in the year under review: the title is in the record, or its conditions are met."""
    y = ctx.year
    title = label("advanced_worker")
    if ctx.has_title(y, "advanced_worker"):
        return ctx.condition("advanced_worker_this_year", True, f"Đạt danh hiệu «{title}» năm {y}", cite)
    if ctx.this_year is None:
        text = f"Đạt danh hiệu «{title}» năm {y}: chưa có dữ liệu năm {y}"
        return ctx.condition("advanced_worker_this_year", None, text, cite)
    parts = [*gate_conditions(ctx), rating_condition(ctx)]
    met = all_of(p.met for p in parts)
    text = f"Đạt tiêu chuẩn «{title}» năm {y} (chưa có quyết định công nhận): "
    text += "; ".join(p.text for p in parts)
    condition = ctx.condition("advanced_worker_this_year", met, text, cite, *(p.cite for p in parts))
    return dataclasses.replace(condition, verified=all(p.verified for p in parts))


def achievements_condition(ctx: Ctx, id: str, years: Iterable[int], scope: Value, *cites):
    """An initiative or research work at `scope.value` or above in one of `years`; unknown when none is
    found and some year has no data."""
    years = sorted(years)
    wanted = SCOPE_VI[scope.value] + ("" if scope.value == SCOPES[-1] else " trở lên")
    span = f"năm {years[0]}" if len(years) == 1 else f"các năm {years_text(years)}"
    found = ctx.achievements(years, minimum_scope=scope.value)
    if found:
        listed = ", ".join(f"năm {y}" + ("" if s == scope.value else f" ({SCOPE_VI[s]})") for y, s in found)
        return ctx.condition(id, True, f"Có {ACHIEVEMENT_VI} phạm vi {wanted}: {listed}", scope, *cites)
    want = f"Có {ACHIEVEMENT_VI} có phạm vi ảnh hưởng {wanted} trong {span}"
    unknown = [y for y in years if ctx.record(y) is None]
    if unknown:
        return ctx.condition(id, None, f"{want}: chưa có dữ liệu năm {years_text(unknown)}", scope, *cites)
    lower = ctx.achievements(years, minimum_scope="unit")
    text = f"Chưa có {ACHIEVEMENT_VI} có phạm vi ảnh hưởng {wanted} trong {span}"
    if lower:
        text += " (chỉ có: " + ", ".join(f"năm {y} phạm vi {SCOPE_VI[s]}" for y, s in lower) + ")"
    return ctx.condition(id, False, text, scope, *cites)


def title_chain_condition(ctx: Ctx, id: str, chain: Chain, title: str, short: str, *cites):
    """ctx.chain_condition for a title held in each year of `chain`, its text naming what is missing
    ("thiếu CSTĐCS năm 2023"), the years without data, and the years a discipline period touched."""
    condition = ctx.chain_condition(id, chain, f"Đạt danh hiệu «{label(title)}»", *cites)
    text = f"Đạt danh hiệu «{label(title)}» các năm {years_text(chain.years)}"
    gaps = []
    if chain.missing:
        gaps.append(f"thiếu {short} năm {years_text(chain.missing)}")
    if chain.unknown:
        gaps.append(f"chưa có dữ liệu năm {years_text(chain.unknown)}")
    if gaps:
        text += ": " + "; ".join(gaps)
    blocked = sorted(set(chain.missing) & ctx.disciplined_years())
    if blocked:
        text += f" (năm {years_text(blocked)} bị kỷ luật: thành tích chỉ được tính từ khi hết thời hạn"
        text += " kỷ luật)"
    return dataclasses.replace(condition, text=text)


def _solidarity(ctx: Ctx, cite: str):
    return ctx.judgement(
        "solidarity",
        f"Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua năm "
        f"{ctx.year} (Hội đồng đánh giá)",
        cite,
    )


def excellent_or_initiative_condition(ctx: Ctx):
    """Law 2022 Điều 23 khoản 2: rated `excellent`, or an initiative / accepted research work."""
    y = ctx.year
    id = "excellent_or_initiative"
    ratings = ctx.param("grassroots_emulation_fighter.qualifying_ratings")
    scope = ctx.param("grassroots_emulation_fighter.initiative_scope")
    names = " hoặc ".join(f"«{label(r)}»" for r in ratings.value)
    want = f"Xếp loại {names} hoặc có {ACHIEVEMENT_VI} {SCOPE_VI[scope.value]} trở lên năm {y}"
    record = ctx.this_year
    if record is None:
        return ctx.condition(id, None, f"{want}: chưa có dữ liệu năm {y}", ratings, scope)
    found = ctx.achievements([y], minimum_scope=scope.value)
    reasons = []
    if record.rating in ratings.value:
        reasons.append(f"xếp loại «{label(record.rating)}» năm {y}")
    if found:
        reasons.append(f"có {ACHIEVEMENT_VI} năm {y} (" + ", ".join(SCOPE_VI[s] for _, s in found) + ")")
    if reasons:
        text = "; ".join(reasons)
        return ctx.condition(id, True, text[0].upper() + text[1:], ratings, scope)
    if record.rating is None:
        text = f"{want}: chưa có kết quả xếp loại năm {y}, chưa có {ACHIEVEMENT_VI}"
        return ctx.condition(id, None, text, ratings, scope)
    text = f"Xếp loại «{label(record.rating)}» năm {y} và chưa có {ACHIEVEMENT_VI} — cần "
    text += want[0].lower() + want[1:]
    return ctx.condition(id, False, text, ratings, scope)


def initiative_required_condition(ctx: Ctx):
    """Old regime (to 2023): an initiative recognised by the unit or an accepted research work; `excellent`
    alone was not enough."""
    y = ctx.year
    scope = ctx.param("grassroots_emulation_fighter.initiative_scope")
    condition = achievements_condition(ctx, "initiative_or_research", [y], scope)
    if condition.met is False and ctx.rating(y) == "excellent":
        note = f" — theo quy định trước 2024, xếp loại «{label('excellent')}» không thay được sáng kiến"
        condition = dataclasses.replace(condition, text=condition.text + note)
    return condition


@rule("grassroots_emulation_fighter", since="2017-10-01")
def grassroots_emulation_fighter_2017_10_01(ctx: Ctx):
    return [
        advanced_worker_condition(ctx, LAW_2003_ART_23),
        initiative_required_condition(ctx),
        _solidarity(ctx, LAW_2003_ART_24),
    ]


@rule("grassroots_emulation_fighter", since="2024-01-01")
def grassroots_emulation_fighter_2024_01_01(ctx: Ctx):
    return [
        advanced_worker_condition(ctx, LAW_2022_ART_23_1),
        excellent_or_initiative_condition(ctx),
        _solidarity(ctx, LAW_2022_ART_24_1_B),
    ]
