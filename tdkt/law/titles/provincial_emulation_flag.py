"""Cờ thi đua cấp bộ, ban, ngành, tỉnh — `provincial_emulation_flag` (Law 2022 Điều 26).

Điều 26 was not read verbatim (law.md [1]/[?]): the collective leads its emulation bloc (khối/cụm, voted —
the case has no bloc facts, so the council judges it), exceeds its targets, and holds Tập thể lao động xuất
sắc that year (the required title is a parameter, verified: false).

Old regime (from 2017-10-01, Law 2003 as amended 2013, Điều 26; ND 91/2017): the same structure — the
collective is voted leader of its bloc (ND 91/2017 Điều 12 per one source), exceeds its targets, is an
outstanding collective of the ministry/province with new models others can learn from, and is united. The
Law 2003 text does not name Tập thể lao động xuất sắc; the ministries' and provinces' regulations required it
(the dated parameter, verified: false).
"""

from tdkt.law.context import Ctx, label
from tdkt.law.registry import rule

LAW_2003_ART_26 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 26"
LAW_2003_ART_26_ND_91 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 26; Nghị định 91/2017/NĐ-CP"
LAW_2022_ART_26_1 = "Luật Thi đua, khen thưởng 2022, Điều 26, khoản 1"


def title_this_year_condition(ctx: Ctx, id: str, parameter: str):
    """The collective holds the parameter's title for the year under review (listed in its record)."""
    y = ctx.year
    required = ctx.param(parameter)
    title = label(required.value)
    held = ctx.has_title(y, required.value)
    if held is None:
        return ctx.condition(id, None, f"Đạt danh hiệu «{title}» năm {y}: chưa có dữ liệu năm {y}", required)
    text = f"Đạt danh hiệu «{title}» năm {y}" if held else f"Chưa đạt danh hiệu «{title}» năm {y}"
    return ctx.condition(id, held, text, required)


@rule("provincial_emulation_flag", since="2017-10-01", kinds=("collective",))
def provincial_emulation_flag_2017_10_01(ctx: Ctx):
    """Old regime: Law 2003 Điều 26 with ND 91/2017 — same checkable condition as the 2024 version."""
    y = ctx.year
    return [
        title_this_year_condition(
            ctx, "excellent_collective_this_year", "provincial_emulation_flag.required_title"
        ),
        ctx.judgement(
            "leads_bloc",
            f"Được bình xét, suy tôn là tập thể dẫn đầu khối, cụm thi đua năm {y} "
            "(khối, cụm thi đua bình chọn)",
            LAW_2003_ART_26_ND_91,
        ),
        ctx.judgement(
            "exceeds_targets",
            f"Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao năm {y}; là tập thể tiêu biểu "
            "xuất sắc của bộ, ngành, tỉnh (Hội đồng đánh giá)",
            LAW_2003_ART_26,
        ),
        ctx.judgement(
            "new_models",
            f"Có nhân tố mới, mô hình mới năm {y} để các tập thể khác của bộ, ngành, tỉnh học tập "
            "(Hội đồng đánh giá)",
            LAW_2003_ART_26,
        ),
        ctx.judgement(
            "unity",
            f"Nội bộ đoàn kết, tích cực thực hành tiết kiệm, chống lãng phí, chống tham nhũng và các tệ "
            f"nạn xã hội khác năm {y} (Hội đồng đánh giá)",
            LAW_2003_ART_26,
        ),
    ]


@rule("provincial_emulation_flag", since="2024-01-01", kinds=("collective",))
def provincial_emulation_flag_2024_01_01(ctx: Ctx):
    y = ctx.year
    return [
        title_this_year_condition(
            ctx, "excellent_collective_this_year", "provincial_emulation_flag.required_title"
        ),
        ctx.judgement(
            "leads_bloc",
            f"Được bình chọn là tập thể dẫn đầu khối, cụm thi đua năm {y} (khối, cụm thi đua bình chọn)",
            LAW_2022_ART_26_1,
        ),
        ctx.judgement(
            "exceeds_targets",
            f"Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao năm {y}; là tập thể tiêu biểu "
            "xuất sắc của bộ, ngành, tỉnh (Hội đồng đánh giá)",
            LAW_2022_ART_26_1,
        ),
        ctx.judgement(
            "unity",
            f"Nội bộ đoàn kết, tích cực thực hành tiết kiệm, phòng, chống tham nhũng, lãng phí năm {y} "
            "(Hội đồng đánh giá)",
            LAW_2022_ART_26_1,
        ),
    ]
