"""Tập thể lao động tiên tiến — `advanced_collective` (Law 2022 Điều 28; old regime: Law 2003 Điều 28).

The member counts come from the collective's record of the year (`history[year].members`); without them the
member conditions are unknown. The helpers here are shared by the other collective titles.
"""

from fractions import Fraction

from tdkt.law.context import Ctx, label
from tdkt.law.facts import Members
from tdkt.law.parameters import Value
from tdkt.law.registry import rule

LAW_2022_ART_28_1_B = "Luật Thi đua, khen thưởng 2022, Điều 28, khoản 1, điểm b"
LAW_2022_ART_28_1_D = "Luật Thi đua, khen thưởng 2022, Điều 28, khoản 1, điểm d"
LAW_2003_ART_28_B = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 28, điểm b"
LAW_2003_ART_28_D = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 28, điểm d"

# How a share is compared with its threshold (parameter "<id>.share_comparison").
AT_LEAST = "at_least"
MORE_THAN = "more_than"
_COMPARISON_TEXT = {AT_LEAST: "ít nhất", MORE_THAN: "trên"}


def percent(share: Fraction) -> str:
    """3/4 → "75 %"; 29/42 → "69,0 %" (one decimal, truncated so that 69.99 % never reads as 70 %)."""
    tenths = share * 1000 // 1
    if tenths % 10 == 0:
        return f"{tenths // 10} %"
    return f"{tenths // 10},{tenths % 10} %"


def members(ctx: Ctx, year: int) -> Members | None:
    record = ctx.record(year)
    return record.members if record else None


def no_members_text(year: int) -> str:
    return f"chưa có số liệu thành viên của tập thể năm {year}"


def rating_condition(ctx: Ctx, id: str, parameter: str, wanted: str) -> object:
    """The collective's rating of the year is among the parameter's ratings; `wanted` names them."""
    y = ctx.year
    allowed = ctx.param(parameter)
    rating = ctx.rating(y)
    if rating is None:
        return ctx.condition(id, None, f"Xếp loại «{wanted}» năm {y}: chưa có kết quả xếp loại", allowed)
    met = rating in allowed.value
    text = f"Tập thể xếp loại năm {y}: «{label(rating)}»" + ("" if met else f" — cần «{wanted}»")
    return ctx.condition(id, met, text, allowed)


def share_condition(
    ctx: Ctx, id: str, count_of: str, what: str, minimum: Value, comparison: str = AT_LEAST, *cites
) -> object:
    """`count_of` (a Members field) over the total compared with `minimum` (a share, e.g. 0.7)."""
    y = ctx.year
    m = members(ctx, y)
    threshold = Fraction(str(minimum.value))
    need = "100 %" if threshold == 1 else f"{_COMPARISON_TEXT[comparison]} {percent(threshold)}"
    if m is None:
        return ctx.condition(id, None, f"{what} năm {y} ({need}): {no_members_text(y)}", minimum, *cites)
    if m.total == 0:
        text = f"{what} năm {y} ({need}): tập thể khai báo 0 thành viên"
        return ctx.condition(id, None, text, minimum, *cites)
    count = getattr(m, count_of)
    share = Fraction(count, m.total)
    met = share >= threshold if comparison == AT_LEAST else share > threshold
    text = f"{count}/{m.total} thành viên ({percent(share)}) {what[0].lower()}{what[1:]} năm {y}" + (
        "" if met else f" — cần {need}"
    )
    return ctx.condition(id, met, text, minimum, *cites)


def no_discipline_condition(ctx: Ctx, applies: Value) -> object | None:
    """No member disciplined at `warning` or above in the year, when the parameter says it applies."""
    if not applies.value:
        return None
    y = ctx.year
    m = members(ctx, y)
    id = "no_member_disciplined_warning_or_above"
    what = f"Không có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên năm {y}"
    if m is None:
        return ctx.condition(id, None, f"{what}: {no_members_text(y)}", applies)
    if m.disciplined_warning_or_above == 0:
        return ctx.condition(id, True, what, applies)
    text = f"Có {m.disciplined_warning_or_above} thành viên bị kỷ luật từ hình thức cảnh cáo trở lên năm {y}"
    return ctx.condition(id, False, text, applies)


def _conditions(ctx: Ctx, emulation_cite: str, unity_cite: str) -> list:
    y = ctx.year
    comparison = ctx.param("advanced_collective.share_comparison")
    found = [
        rating_condition(ctx, "rating_good_or_better", "advanced_collective.good_ratings", label("good")),
        share_condition(
            ctx,
            "advanced_worker_share",
            "advanced_workers",
            f"Đạt danh hiệu «{label('advanced_worker')}»",
            ctx.param("advanced_collective.minimum_advanced_worker_share"),
            comparison.value,
            comparison,
        ),
        no_discipline_condition(ctx, ctx.param("advanced_collective.excludes_discipline_warning_or_above")),
        ctx.judgement(
            "regular_emulation",
            f"Có phong trào thi đua thường xuyên, thiết thực, hiệu quả năm {y} (Hội đồng đánh giá)",
            emulation_cite,
        ),
        ctx.judgement(
            "unity",
            f"Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật năm {y} (Hội đồng đánh giá)",
            unity_cite,
        ),
    ]
    return [c for c in found if c is not None]


@rule("advanced_collective", since="2017-10-01", kinds=("collective",))
def advanced_collective_2017_10_01(ctx: Ctx):
    return _conditions(ctx, LAW_2003_ART_28_B, LAW_2003_ART_28_D)


@rule("advanced_collective", since="2024-01-01", kinds=("collective",))
def advanced_collective_2024_01_01(ctx: Ctx):
    return _conditions(ctx, LAW_2022_ART_28_1_B, LAW_2022_ART_28_1_D)
