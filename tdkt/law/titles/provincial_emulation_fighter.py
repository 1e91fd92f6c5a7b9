"""Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh — `provincial_emulation_fighter` (Law 2022 Điều 22 khoản 1;
old regime: Law 2003 Điều 22).

- CSTĐCS in `provincial_emulation_fighter.consecutive_years` consecutive years, the last being the year under
  review (the unit confers that year's CSTĐCS before proposing the higher title); years touched by discipline
  break the chain; years without data make it unknown.
- CSTĐCS years already used for an earlier CSTĐ cấp tỉnh do not count again
  (`provincial_emulation_fighter.separate_cycles`, a reading marked unverified).
- An initiative or research work at provincial scope or above in those years.
- The council's choice among the outstanding (judgement)."""

from tdkt.law.context import Ctx, label, years_text
from tdkt.law.registry import rule
from tdkt.law.titles.grassroots_emulation_fighter import achievements_condition, title_chain_condition

LAW_2022_ART_22_1_A = "Luật Thi đua, khen thưởng 2022, Điều 22, khoản 1, điểm a"
LAW_2003_ART_22 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 22"


def grassroots_chain(ctx: Ctx):
    """(condition, years) for CSTĐCS in the consecutive years ending with the year under review."""
    length = ctx.param("provincial_emulation_fighter.consecutive_years")
    years = ctx.run_ending(length.value)
    chain = ctx.chain(years, lambda r: "grassroots_emulation_fighter" in r.titles)
    condition = title_chain_condition(
        ctx, "grassroots_fighter_chain", chain, "grassroots_emulation_fighter", "CSTĐCS", length
    )
    return condition, years


def new_cycle_condition(ctx: Ctx, years):
    """None, or a failed condition when an earlier CSTĐ cấp tỉnh already used some of these CSTĐCS years."""
    earlier = [y for y in years if y != ctx.year and ctx.has_title(y, "provincial_emulation_fighter")]
    if not earlier:
        return None
    separate = ctx.param("provincial_emulation_fighter.separate_cycles")
    if not separate.value:
        return None
    last = max(earlier)
    used = years_text(range(last - len(years) + 1, last + 1))
    text = (
        f"Đã được tặng «{label('provincial_emulation_fighter')}» năm {last}: các năm CSTĐCS {used} đã được "
        f"tính cho lần đó; cần đủ {len(years)} năm CSTĐCS liên tục sau năm {last}"
    )
    return ctx.condition("new_cycle", False, text, separate)


def _conditions(ctx: Ctx, outstanding_cite: str):
    chain, years = grassroots_chain(ctx)
    scope = ctx.param("provincial_emulation_fighter.initiative_scope")
    found = [
        chain,
        new_cycle_condition(ctx, years),
        achievements_condition(ctx, "provincial_initiative", years, scope),
        ctx.judgement(
            "outstanding_achievement",
            f"Có thành tích xuất sắc tiêu biểu năm {ctx.year}, được Hội đồng Thi đua - Khen thưởng bỏ phiếu "
            "lựa chọn (Hội đồng đánh giá)",
            outstanding_cite,
        ),
    ]
    return [c for c in found if c is not None]


@rule("provincial_emulation_fighter", since="2017-10-01")
def provincial_emulation_fighter_2017_10_01(ctx: Ctx):
    return _conditions(ctx, LAW_2003_ART_22)


@rule("provincial_emulation_fighter", since="2024-01-01")
def provincial_emulation_fighter_2024_01_01(ctx: Ctx):
    return _conditions(ctx, LAW_2022_ART_22_1_A)
