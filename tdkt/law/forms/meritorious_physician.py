"""Thầy thuốc Ưu tú — `meritorious_physician` (Law 2022 Điều 65 k3; ND 25/2024/NĐ-CP from 2024-04-15).

Years of service counted up to `as_of`: ≥ 15 years of direct professional-technical work — for a health
manager ≥ 20 years in the sector of which ≥ 10 direct. These figures were not found in any source (they
follow Điều 64 k3 for Nhà giáo Ưu tú by analogy) and are `verified: false`. Talent and ethics are the
councils' judgements.

Old regime (from 2017-10-01 — history before is not evaluated — to 2024-04-14): Law 2003 as amended 2013 with
ND 41/2015/NĐ-CP. Its text was not retrieved; the press reports "≥ 20 years in the health sector" (one
source, thukyluat.vn; others read 15), encoded as `meritorious_physician.sector_years`, verified: false,
counted from `health_sector_since` up to `as_of`. Talent and ethics are the councils' judgements.
"""

from tdkt.law.context import Ctx
from tdkt.law.forms._periods import full_years, physician_service, served
from tdkt.law.registry import rule
from tdkt.law.verdict import Condition

LAW_2003_ND_41_2015 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013); Nghị định 41/2015/NĐ-CP"

LAW_2022_ART_65_3 = "Luật Thi đua, khen thưởng 2022, Điều 65, khoản 3"
ND_25_2024 = "Nghị định 25/2024/NĐ-CP"


def sector_service(ctx: Ctx, prefix: str) -> Condition:
    """Old regime (ND 41/2015): years in the health sector counted up to `as_of` ≥ `<prefix>.sector_years`."""
    need = ctx.param(f"{prefix}.sector_years")
    since = ctx.subject.health_sector_since
    if since is None:
        text = f"Công tác trong ngành y tế: chưa có ngày vào ngành y tế — cần từ đủ {need.value} năm"
        return ctx.condition("health_sector_years", None, text, need)
    done = full_years(since, ctx.as_of)
    text = f"Công tác trong ngành y tế {served(ctx, since)} — cần từ đủ {need.value} năm"
    return ctx.condition("health_sector_years", done >= need.value, text, need)


@rule("meritorious_physician", since="2017-10-01")
def meritorious_physician_2017_10_01(ctx: Ctx):
    return [
        sector_service(ctx, "meritorious_physician"),
        ctx.judgement(
            "loyalty_ethics",
            "Trung thành với Tổ quốc, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; "
            "có phẩm chất đạo đức tốt, tận tụy với người bệnh (Hội đồng đánh giá)",
            LAW_2003_ND_41_2015,
        ),
        ctx.judgement(
            "talent_achievements",
            "Có tài năng, nhiều thành tích xuất sắc trong phòng bệnh, chữa bệnh, nghiên cứu khoa học y học "
            "theo tiêu chuẩn của Nghị định 41/2015/NĐ-CP (Hội đồng đánh giá)",
            LAW_2003_ND_41_2015,
        ),
        ctx.judgement(
            "influence",
            "Được người bệnh và đồng nghiệp tín nhiệm (Hội đồng đánh giá)",
            LAW_2003_ND_41_2015,
        ),
    ]


@rule("meritorious_physician", since="2024-04-15")
def meritorious_physician_2024_04_15(ctx: Ctx):
    return [
        physician_service(ctx, "meritorious_physician"),
        ctx.judgement(
            "loyalty_ethics",
            "Trung thành với Tổ quốc, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; "
            "có phẩm chất đạo đức tốt, tận tụy với người bệnh (Hội đồng đánh giá)",
            LAW_2022_ART_65_3,
        ),
        ctx.judgement(
            "talent_achievements",
            "Có tài năng, nhiều thành tích xuất sắc trong phòng bệnh, chữa bệnh, nghiên cứu khoa học y học "
            "và đạt tiêu chí của Nghị định 25/2024/NĐ-CP (ví dụ đã được tặng Huân chương Lao động hạng Ba "
            "trở lên hoặc Bằng khen của Thủ tướng Chính phủ …) (Hội đồng đánh giá)",
            f"{LAW_2022_ART_65_3}; {ND_25_2024}",
        ),
        ctx.judgement(
            "influence",
            "Được người bệnh và đồng nghiệp tín nhiệm (Hội đồng đánh giá)",
            LAW_2022_ART_65_3,
        ),
    ]
