"""Tập thể lao động xuất sắc — `excellent_collective` (Law 2022 Điều 27 khoản 1; old regime: Law 2003
Điều 27, which also excluded a collective with a member disciplined at `warning` or above)."""

from tdkt.law.context import Ctx, label
from tdkt.law.registry import rule
from tdkt.law.titles.advanced_collective import (
    members,
    no_discipline_condition,
    no_members_text,
    rating_condition,
    share_condition,
)

LAW_2022_ART_27_1_B = "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm b"
LAW_2022_ART_27_1_DD = "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm đ"
LAW_2003_ART_27_B = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 27, điểm b"
LAW_2003_ART_27_DD = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 27, điểm đ"


def grassroots_fighter_condition(ctx: Ctx):
    """At least the parameter's number of members are Chiến sĩ thi đua cơ sở in the year."""
    y = ctx.year
    minimum = ctx.param("excellent_collective.minimum_grassroots_emulation_fighters")
    title = label("grassroots_emulation_fighter")
    id = "grassroots_emulation_fighter_member"
    m = members(ctx, y)
    if m is None:
        text = f"Có ít nhất {minimum.value} thành viên đạt «{title}» năm {y}: {no_members_text(y)}"
        return ctx.condition(id, None, text, minimum)
    count = m.grassroots_emulation_fighters
    met = count >= minimum.value
    text = f"{count} thành viên đạt «{title}» năm {y}" + ("" if met else f" — cần ít nhất {minimum.value}")
    return ctx.condition(id, met, text, minimum)


def _conditions(ctx: Ctx, emulation_cite: str, unity_cite: str) -> list:
    y = ctx.year
    found = [
        rating_condition(ctx, "rating_excellent", "excellent_collective.ratings", label("excellent")),
        share_condition(
            ctx,
            "all_members_completed_tasks",
            "completed_tasks",
            "Hoàn thành nhiệm vụ được giao",
            ctx.param("excellent_collective.minimum_completed_share"),
        ),
        share_condition(
            ctx,
            "advanced_worker_share",
            "advanced_workers",
            f"Đạt danh hiệu «{label('advanced_worker')}»",
            ctx.param("excellent_collective.minimum_advanced_worker_share"),
        ),
        grassroots_fighter_condition(ctx),
        no_discipline_condition(ctx, ctx.param("excellent_collective.excludes_discipline_warning_or_above")),
        ctx.judgement(
            "regular_emulation",
            f"Có phong trào thi đua thường xuyên, thiết thực, hiệu quả năm {y} (Hội đồng đánh giá)",
            emulation_cite,
        ),
        ctx.judgement(
            "unity",
            f"Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách, pháp luật năm {y} "
            "(Hội đồng đánh giá)",
            unity_cite,
        ),
    ]
    return [c for c in found if c is not None]


@rule("excellent_collective", since="2017-10-01", kinds=("collective",))
def excellent_collective_2017_10_01(ctx: Ctx):
    return _conditions(ctx, LAW_2003_ART_27_B, LAW_2003_ART_27_DD)


@rule("excellent_collective", since="2024-01-01", kinds=("collective",))
def excellent_collective_2024_01_01(ctx: Ctx):
    return _conditions(ctx, LAW_2022_ART_27_1_B, LAW_2022_ART_27_1_DD)
