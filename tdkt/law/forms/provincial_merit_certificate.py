"""Bằng khen cấp bộ, ban, ngành, tỉnh — `provincial_merit_certificate`, individuals (Law 2022 Điều 74 k1 điểm
d).

Point d, the periodic merit path the records can check: `grassroots_emulation_fighter` in the 2 consecutive
years ending with the year under review, OR ≥ 2 consecutive years rated `excellent` (ending with it) with 2
initiatives — or 2 research works — recognised at `unit` scope or above in that period. Titles of earlier
years are read from the record as conferred, so a 2023 year counts in a chain reviewed in 2024 (Law Điều 95;
Bộ Nội vụ's worked answer). Points a–c (an achievement voted in a movement, many or exceptional
achievements, contributions) are case-by-case proposals outside this check.

Old regime (from 2017-10-01, Law 2003 Điều 72 / ND 91/2017): no copy of the text was found; the same
structure is kept with every parameter `verified: false`.
"""

from tdkt.law.context import Ctx, years_text
from tdkt.law.forms._periods import EXEMPLARY, NO_DATA, excellent, has, run_back, why_failed
from tdkt.law.registry import rule

LAW_2022_ART_74_1 = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1"
LAW_2022_ART_74_1_D = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1, điểm d"
LAW_2003_ART_72 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 72; Nghị định 91/2017/NĐ-CP"

FIGHTER = "grassroots_emulation_fighter"


def fighter_branch(ctx: Ctx):
    """(met, text, parameter) for CSTĐCS in the consecutive years ending with the year under review."""
    years = ctx.param("provincial_merit_certificate.grassroots_fighter_years")
    chain = ctx.chain(ctx.run_ending(years.value), has(FIGHTER))
    span = years_text(chain.years)
    if chain.met:
        text = f"Đạt Chiến sĩ thi đua cơ sở {years.value} năm liên tục {span}"
    elif chain.missing:
        text = (
            f"Chưa đạt Chiến sĩ thi đua cơ sở {years.value} năm liên tục {span}: "
            f"thiếu năm {years_text(chain.missing)}"
        )
    else:
        text = (
            f"Chiến sĩ thi đua cơ sở {years.value} năm liên tục {span}: "
            f"chưa có dữ liệu năm {years_text(chain.unknown)}"
        )
    return chain.met, text, years


def excellent_branch(ctx: Ctx):
    """(met, text, parameters) for ≥ N consecutive `excellent` years with enough initiatives or research."""
    minimum = ctx.param("provincial_merit_certificate.excellent_years")
    need = ctx.param("provincial_merit_certificate.initiatives")
    scope = ctx.param("provincial_merit_certificate.initiative_scope")
    used = (minimum, need, scope)
    run = run_back(ctx, excellent)
    if len(run.years) < minimum.value:
        if run.stop == NO_DATA:
            text = (
                f"Hoàn thành xuất sắc nhiệm vụ {minimum.value} năm liên tục đến năm {ctx.year}: "
                f"chưa có dữ liệu năm {run.stop_year}"
            )
            return None, text, used
        text = (
            f"Chưa có {minimum.value} năm liên tục «Hoàn thành xuất sắc nhiệm vụ» đến năm {ctx.year} "
            f"({why_failed(ctx, run.stop_year)})"
        )
        return False, text, used
    initiatives = ctx.achievements(run.years, minimum_scope=scope.value, research=False)
    research = len(ctx.achievements(run.years, minimum_scope=scope.value)) - len(initiatives)
    span = years_text(run.years)
    counted = f"{len(initiatives)} sáng kiến, {research} đề tài được công nhận trong các năm đó"
    if len(initiatives) >= need.value or research >= need.value:
        return True, f"Hoàn thành xuất sắc nhiệm vụ liên tục các năm {span}, có {counted}", used
    text = (
        f"Hoàn thành xuất sắc nhiệm vụ liên tục các năm {span} nhưng chỉ có {counted} — "
        f"cần {need.value} sáng kiến hoặc {need.value} đề tài"
    )
    if run.stop == NO_DATA:
        return None, f"{text}; chưa có dữ liệu năm {run.stop_year}", used
    return False, text, used


def standard_condition(ctx: Ctx, cite: str):
    """Point d: either branch suffices."""
    a_met, a_text, a_param = fighter_branch(ctx)
    b_met, b_text, b_params = excellent_branch(ctx)
    if a_met or b_met:
        met = True
    elif a_met is False and b_met is False:
        met = False
    else:
        met = None
    text = (a_text if a_met else b_text) if met else f"{a_text}; {b_text}"
    return ctx.condition("consecutive_years_standard", met, text, a_param, *b_params, cite)


def conditions(ctx: Ctx, general: str, point_d: str):
    return [
        standard_condition(ctx, point_d),
        ctx.judgement(
            "exemplary",
            EXEMPLARY,
            general,
        ),
    ]


@rule("provincial_merit_certificate", since="2017-10-01")
def provincial_merit_certificate_2017_10_01(ctx: Ctx):
    return conditions(ctx, LAW_2003_ART_72, LAW_2003_ART_72)


@rule("provincial_merit_certificate", since="2024-01-01")
def provincial_merit_certificate_2024_01_01(ctx: Ctx):
    return conditions(ctx, LAW_2022_ART_74_1, LAW_2022_ART_74_1_D)
