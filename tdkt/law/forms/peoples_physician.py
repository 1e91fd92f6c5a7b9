"""Thầy thuốc Nhân dân — `peoples_physician` (Law 2022 Điều 65 k2; ND 25/2024/NĐ-CP from 2024-04-15).

Already `meritorious_physician`; ≥ 20 years of direct professional-technical work in health — for a health
manager ≥ 25 years in the sector of which ≥ 15 direct — counted up to `as_of`; loyalty, ethics, talent and
wide influence are the councils' judgements (the ND 25/2024 talent criteria among them).

Old regime (from 2017-10-01 — history before is not evaluated — to 2024-04-14): Law 2003 as amended 2013
with ND 41/2015/NĐ-CP, text not retrieved. Best-known reading: already `meritorious_physician` and ≥ 20 years
in the health sector (`peoples_physician.sector_years`, verified: false), counted from `health_sector_since`
up to `as_of`; talent and influence are the councils' judgements.
"""

from tdkt.law.context import Ctx, label
from tdkt.law.forms._periods import holds_any, physician_service
from tdkt.law.forms.meritorious_physician import LAW_2003_ND_41_2015, sector_service
from tdkt.law.registry import rule
from tdkt.law.verdict import Condition

LAW_2022_ART_65_2 = "Luật Thi đua, khen thưởng 2022, Điều 65, khoản 2"
ND_25_2024 = "Nghị định 25/2024/NĐ-CP"


def holds_meritorious_physician(ctx: Ctx, cite: str) -> Condition:
    held = holds_any(ctx, "meritorious_physician")
    title = label("meritorious_physician")
    return ctx.condition(
        "holds_meritorious_physician",
        held is not None,
        f"Đã được phong tặng danh hiệu «{title}» năm {held}"
        if held is not None
        else f"Chưa có danh hiệu «{title}» trong hồ sơ",
        cite,
    )


@rule("peoples_physician", since="2017-10-01")
def peoples_physician_2017_10_01(ctx: Ctx):
    return [
        holds_meritorious_physician(ctx, LAW_2003_ND_41_2015),
        sector_service(ctx, "peoples_physician"),
        ctx.judgement(
            "loyalty_ethics",
            "Trung thành với Tổ quốc, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; "
            "có phẩm chất đạo đức tốt, tận tụy với người bệnh (Hội đồng đánh giá)",
            LAW_2003_ND_41_2015,
        ),
        ctx.judgement(
            "talent_achievements",
            "Có tài năng, nhiều thành tích đặc biệt xuất sắc trong phòng bệnh, chữa bệnh, nghiên cứu khoa "
            "học y học theo tiêu chuẩn của Nghị định 41/2015/NĐ-CP (Hội đồng đánh giá)",
            LAW_2003_ND_41_2015,
        ),
        ctx.judgement(
            "influence",
            "Có ảnh hưởng rộng rãi trong ngành, được người bệnh và đồng nghiệp tín nhiệm, kính trọng "
            "(Hội đồng đánh giá)",
            LAW_2003_ND_41_2015,
        ),
    ]


@rule("peoples_physician", since="2024-04-15")
def peoples_physician_2024_04_15(ctx: Ctx):
    holds = holds_meritorious_physician(ctx, LAW_2022_ART_65_2)
    return [
        holds,
        physician_service(ctx, "peoples_physician"),
        ctx.judgement(
            "loyalty_ethics",
            "Trung thành với Tổ quốc, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; "
            "có phẩm chất đạo đức tốt, tận tụy với người bệnh (Hội đồng đánh giá)",
            LAW_2022_ART_65_2,
        ),
        ctx.judgement(
            "talent_achievements",
            "Có tài năng, nhiều thành tích đặc biệt xuất sắc trong phòng bệnh, chữa bệnh, nghiên cứu khoa "
            "học y học và đạt tiêu chí tài năng của Nghị định 25/2024/NĐ-CP (ví dụ chủ nhiệm ít nhất 01 "
            "nhiệm vụ khoa học và công nghệ cấp bộ, cấp tỉnh được nghiệm thu đạt trở lên) "
            "(Hội đồng đánh giá)",
            f"{LAW_2022_ART_65_2}; {ND_25_2024}",
        ),
        ctx.judgement(
            "influence",
            "Có ảnh hưởng rộng rãi trong ngành, được người bệnh và đồng nghiệp tín nhiệm, kính trọng "
            "(Hội đồng đánh giá)",
            LAW_2022_ART_65_2,
        ),
    ]
