"""Cờ thi đua của Chính phủ — `government_emulation_flag` (Law 2022 Điều 25, law.md [1]).

Chosen among the collectives leading the emulation blocs of ministries and provinces: here, a collective
holding Cờ thi đua cấp bộ, tỉnh that year (the required title is a parameter, verified: false). The other
routes of Điều 25 (k2: leading a bloc of the Central Board; k3: leading a Prime Minister's movement of 5 years
or more) are not encoded; the council judges the rest.

Old regime (from 2017-10-01, Law 2003 as amended 2013, Điều 25; ND 91/2017): the same structure — chosen
among the collectives that lead the blocs and hold Cờ thi đua cấp bộ, tỉnh that year (the dated parameter,
verified: false), with excellent results exceeding targets, new models and unity judged by the council. The
old cap on the number proposed (a share of the collectives qualifying for the provincial flag, TT 07/2014)
is a quota on the list, not a standard of one collective, and is not encoded.
"""

from tdkt.law.context import Ctx
from tdkt.law.registry import rule
from tdkt.law.titles.provincial_emulation_flag import title_this_year_condition

LAW_2003_ART_25 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 25"
LAW_2003_ART_25_ND_91 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 25; Nghị định 91/2017/NĐ-CP"
LAW_2022_ART_25_1 = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 1"
LAW_2022_ART_25_1_A = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 1, điểm a"
LAW_2022_ART_25_1_B = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 1, điểm b"


@rule("government_emulation_flag", since="2017-10-01", kinds=("collective",))
def government_emulation_flag_2017_10_01(ctx: Ctx):
    """Old regime: Law 2003 Điều 25 with ND 91/2017 — same checkable condition as the 2024 version."""
    y = ctx.year
    return [
        title_this_year_condition(
            ctx, "provincial_emulation_flag_this_year", "government_emulation_flag.required_title"
        ),
        ctx.judgement(
            "leads_bloc",
            f"Được lựa chọn trong số các tập thể dẫn đầu khối, cụm thi đua đã đạt Cờ thi đua của bộ, ngành, "
            f"tỉnh năm {y} (Hội đồng đánh giá)",
            LAW_2003_ART_25_ND_91,
        ),
        ctx.judgement(
            "exceeds_targets",
            f"Có thành tích, hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao năm {y}; là tập "
            "thể tiêu biểu xuất sắc trong phong trào thi đua của bộ, ngành, tỉnh (Hội đồng đánh giá)",
            LAW_2003_ART_25,
        ),
        ctx.judgement(
            "new_models",
            f"Có nhân tố mới, mô hình mới năm {y} để các tập thể khác học tập (Hội đồng đánh giá)",
            LAW_2003_ART_25,
        ),
        ctx.judgement(
            "unity",
            f"Nội bộ đoàn kết, tích cực thực hành tiết kiệm, chống lãng phí, chống tham nhũng và các tệ "
            f"nạn xã hội khác năm {y} (Hội đồng đánh giá)",
            LAW_2003_ART_25,
        ),
    ]


@rule("government_emulation_flag", since="2024-01-01", kinds=("collective",))
def government_emulation_flag_2024_01_01(ctx: Ctx):
    y = ctx.year
    return [
        title_this_year_condition(
            ctx, "provincial_emulation_flag_this_year", "government_emulation_flag.required_title"
        ),
        ctx.judgement(
            "leads_bloc",
            f"Được lựa chọn trong số các tập thể dẫn đầu khối, cụm thi đua của bộ, ngành, tỉnh năm {y} "
            "(Hội đồng đánh giá)",
            LAW_2022_ART_25_1,
        ),
        ctx.judgement(
            "exceeds_targets",
            f"Hoàn thành xuất sắc, vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao năm {y} "
            "(Hội đồng đánh giá)",
            LAW_2022_ART_25_1_A,
        ),
        ctx.judgement(
            "unity",
            f"Nội bộ đoàn kết, tổ chức Đảng, đoàn thể trong sạch, vững mạnh; dẫn đầu thực hành tiết kiệm, "
            f"phòng, chống tham nhũng, lãng phí năm {y} (Hội đồng đánh giá)",
            LAW_2022_ART_25_1_B,
        ),
    ]
