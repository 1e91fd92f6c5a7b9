"""Giấy khen — `commendation_certificate`, for persons and collectives (Law 2022 Điều 75; old regime: Law 2003
Điều 75, ND 91/2017).

The Law leaves the standard to each ministry, province or unit (Điều 75 k2). The default encodes the
best-known provincial reading (QĐ 86/2025/QĐ-UBND Bắc Ninh, Điều 4 k3): the person — or, for a collective,
the collective itself — is rated `good` or better in the year, and has an achievement the council judges
worthy (voted in an emulation movement, or many / exceptional achievements in the unit's field); a
collective is also united. Every value is `verified: false`; a local overlay replaces
`commendation_certificate.good_ratings` or adds conditions.
"""

from tdkt.law.context import Ctx, label
from tdkt.law.registry import rule

LAW_2022_ART_75_2 = "Luật Thi đua, khen thưởng 2022, Điều 75, khoản 2"
LAW_2003_ART_75 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 75; Nghị định 91/2017/NĐ-CP"


def rating_condition(ctx: Ctx):
    """The year's rating — of the person, or of the collective itself — is among the accepted ones."""
    allowed = ctx.param("commendation_certificate.good_ratings")
    who = "Tập thể xếp loại" if ctx.subject.kind == "collective" else "Xếp loại"
    wanted = " hoặc ".join(f"«{label(r)}»" for r in allowed.value)
    rating = ctx.rating(ctx.year)
    if rating is None:
        text = f"{who} năm {ctx.year} đạt {wanted}: chưa có kết quả xếp loại"
        return ctx.condition("rating_good_or_better", None, text, allowed)
    met = rating in allowed.value
    text = f"{who} năm {ctx.year}: «{label(rating)}»" + ("" if met else f" — cần {wanted}")
    return ctx.condition("rating_good_or_better", met, text, allowed)


def conditions(ctx: Ctx, cite: str):
    found = [
        rating_condition(ctx),
        ctx.judgement(
            "achievement",
            f"Có thành tích được bình xét trong phong trào thi đua, hoặc nhiều thành tích / thành tích "
            f"đột xuất có ảnh hưởng trong lĩnh vực của cơ quan, đơn vị năm {ctx.year} (Hội đồng đánh giá)",
            cite,
        ),
    ]
    if ctx.subject.kind == "collective":
        found.append(
            ctx.judgement(
                "unity",
                f"Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật năm {ctx.year} "
                f"(Hội đồng đánh giá)",
                cite,
            )
        )
    return found


@rule("commendation_certificate", since="2017-10-01", kinds=("person", "collective"))
def commendation_certificate_2017_10_01(ctx: Ctx):
    return conditions(ctx, LAW_2003_ART_75)


@rule("commendation_certificate", since="2024-01-01", kinds=("person", "collective"))
def commendation_certificate_2024_01_01(ctx: Ctx):
    return conditions(ctx, LAW_2022_ART_75_2)
