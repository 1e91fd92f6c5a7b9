"""Chiến sĩ thi đua toàn quốc — `national_emulation_fighter` (Law 2022 Điều 21 khoản 1; old regime: Law 2003
Điều 21 with ND 91/2017 Điều 48 khoản 1 điểm a on timing).

- CSTĐ cấp bộ, tỉnh `national_emulation_fighter.provincial_times` times in a row: successive cycles of
  `provincial_emulation_fighter.consecutive_years` years, the last one being the year under review, with no
  cycle missed (e.g. 2022 and 2025 reviewed in 2025). Under ND 91/2017 the province proposed it in the year
  after the second title: the achievement year is still that of the second title, as here.
- The old guidance's "6 consecutive CSTĐCS" (TT 07/2014, before ND 91/2017) follows from two successive
  cycles, so it is not a separate condition.
- An initiative or research work of national scope in the years of those cycles.
- The council's choice among the outstanding (judgement)."""

import dataclasses

from tdkt.law.context import Ctx, label, years_text
from tdkt.law.registry import rule
from tdkt.law.titles.grassroots_emulation_fighter import achievements_condition, title_chain_condition

LAW_2022_ART_21_1_A = "Luật Thi đua, khen thưởng 2022, Điều 21, khoản 1, điểm a"
LAW_2003_ART_21 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 21"


def provincial_chain(ctx: Ctx):
    """(condition, all years of the cycles) for CSTĐ cấp tỉnh in each cycle's last year."""
    times = ctx.param("national_emulation_fighter.provincial_times")
    cycle = ctx.param("provincial_emulation_fighter.consecutive_years")
    y = ctx.year
    ends = [y - cycle.value * (times.value - 1 - i) for i in range(times.value)]
    chain = ctx.chain(ends, lambda r: "provincial_emulation_fighter" in r.titles)
    title = label("provincial_emulation_fighter")
    short = "CSTĐ cấp bộ, tỉnh"
    condition = title_chain_condition(
        ctx, "provincial_fighter_chain", chain, "provincial_emulation_fighter", short, times, cycle
    )
    if chain.missing:
        others = [
            year
            for year in range(ends[0] - cycle.value + 1, y + 1)
            if year not in ends and ctx.has_title(year, "provincial_emulation_fighter")
        ]
        if others:
            note = (
                f" (có «{title}» năm {years_text(others)}: {times.value} lần phải liên tiếp, cách nhau đúng "
                f"{cycle.value} năm, lần cuối là năm {y})"
            )
            condition = dataclasses.replace(condition, text=condition.text + note)
    return condition, ctx.run_ending(cycle.value * times.value)


def _conditions(ctx: Ctx, outstanding_cite: str):
    chain, years = provincial_chain(ctx)
    scope = ctx.param("national_emulation_fighter.initiative_scope")
    return [
        chain,
        achievements_condition(ctx, "national_initiative", years, scope),
        ctx.judgement(
            "outstanding_achievement",
            f"Có thành tích xuất sắc tiêu biểu năm {ctx.year}, được Hội đồng Thi đua - Khen thưởng bộ, tỉnh "
            "bỏ phiếu lựa chọn (Hội đồng đánh giá)",
            outstanding_cite,
        ),
    ]


@rule("national_emulation_fighter", since="2017-10-01")
def national_emulation_fighter_2017_10_01(ctx: Ctx):
    return _conditions(ctx, LAW_2003_ART_21)


@rule("national_emulation_fighter", since="2024-01-01")
def national_emulation_fighter_2024_01_01(ctx: Ctx):
    return _conditions(ctx, LAW_2022_ART_21_1_A)
