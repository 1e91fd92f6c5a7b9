"""Reckoning shared by the commendation forms: runs of consecutive years ending with the year under
review, counts of titles inside such a period, prior awards ("already holds …, then ≥ 5 years"), and
years of service counted up to `as_of`. Pure helpers: every legal number comes in as a parameter Value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from tdkt.law.context import Ctx, label, years_text
from tdkt.law.facts import Year
from tdkt.law.parameters import Value
from tdkt.law.verdict import Condition
from tdkt.law.vocabulary import GOOD_OR_BETTER

EXEMPLARY = (
    "Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước (Hội đồng đánh giá)"
)

NO_DATA = "no_data"
FAILED = "failed"
BOUND = "bound"


def good_or_better(record: Year) -> bool:
    return record.rating in GOOD_OR_BETTER


def excellent(record: Year) -> bool:
    return record.rating == "excellent"


def has(title: str) -> Callable[[Year], bool]:
    def test(record: Year) -> bool:
        return title in record.titles

    return test


@dataclass(frozen=True)
class Run:
    """The longest run of consecutive years ending with the year under review in which every year passes
    a test (and is not touched by discipline), and why it stops before `years[0]`."""

    years: tuple[int, ...]  # ascending; the last one is the year under review (empty if it fails)
    stop: str  # NO_DATA: the year before has no record; FAILED: it fails the test; BOUND: a prior award
    stop_year: int


def run_back(ctx: Ctx, test: Callable[[Year], bool], *, after: int | None = None) -> Run:
    """Walk back from the year under review while years pass `test`; never count `after` or earlier."""
    blocked = ctx.disciplined_years()
    years: list[int] = []
    y = ctx.year
    while True:
        if after is not None and y <= after:
            stop = BOUND
            break
        record = ctx.record(y)
        if record is None:
            stop = NO_DATA
            break
        if y in blocked or not test(record):
            stop = FAILED
            break
        years.append(y)
        y -= 1
    return Run(tuple(reversed(years)), stop, y)


def why_failed(ctx: Ctx, year: int) -> str:
    """'năm 2023: «Hoàn thành nhiệm vụ»' — what stopped a run in `year`."""
    if year in ctx.disciplined_years():
        return f"năm {year}: bị kỷ luật"
    record = ctx.record(year)
    rating = record.rating if record else None
    return f"năm {year}: «{label(rating)}»" if rating else f"năm {year}: chưa có kết quả xếp loại"


def count_condition(
    ctx: Ctx,
    id: str,
    *,
    run: Run,
    minimum_years: int,
    test: Callable[[Year], bool],
    need: Value,
    what: str,
    after: int | None = None,
    cites: tuple[Value | str, ...] = (),
) -> Condition:
    """At least `need` years passing `test` inside the period counted: the run when it reaches
    `minimum_years` ("≥ 5 consecutive years": a longer run counts whole), else the minimum window.
    `what` names the title ("đạt Chiến sĩ thi đua cơ sở")."""
    blocked = ctx.disciplined_years()
    if len(run.years) >= minimum_years:
        period = run.years
        earlier_unknown = run.stop == NO_DATA  # earlier years without data might add to the count
    else:
        period = tuple(y for y in ctx.run_ending(minimum_years) if after is None or y > after)
        earlier_unknown = False
    found = [y for y in period if ctx.record(y) is not None and y not in blocked and test(ctx.record(y))]
    no_data = [y for y in period if ctx.record(y) is None]
    lacking = [y for y in period if y not in found and y not in no_data]
    span = years_text(period) if period else str(ctx.year)
    head = f"Số năm {what} trong các năm {span}: {len(found)}" + (f" ({years_text(found)})" if found else "")
    head += f", cần {need.value}"
    if len(found) >= need.value:
        return ctx.condition(id, True, head, need, *cites)
    if no_data:
        return ctx.condition(id, None, f"{head} — chưa có dữ liệu năm {years_text(no_data)}", need, *cites)
    if earlier_unknown:
        text = f"{head} — chưa có dữ liệu năm {run.stop_year} để tính các năm liên tục trước đó"
        return ctx.condition(id, None, text, need, *cites)
    missing = f" — chưa {what} năm {years_text(lacking)}" if lacking else ""
    return ctx.condition(id, False, head + missing, need, *cites)


def prior_award_year(ctx: Ctx, form: str) -> int | None:
    """The earliest year (history entry) up to the year under review holding a merit award of `form`;
    thematic and extraordinary awards do not count (Law 2022 Điều 5)."""
    years = [y for y, _ in ctx.merit_awards(form) if y <= ctx.year]
    return min(years) if years else None


def holds_condition(ctx: Ctx, id: str, form: str, *cites: Value | str) -> tuple[Condition, int | None]:
    """'Already holds `form`' (from the record of awards), and the year it was first awarded."""
    year = prior_award_year(ctx, form)
    if year is None:
        text = f"Chưa có «{label(form)}» (khen thưởng theo công trạng) trong hồ sơ đến năm {ctx.year}"
        return ctx.condition(id, False, text, *cites), None
    return ctx.condition(id, True, f"Đã được tặng «{label(form)}» năm {year}", *cites), year


def after_award_condition(
    ctx: Ctx, id: str, award_year: int | None, minimum: Value, form: str, *cites: Value | str
) -> Condition:
    """The consecutive years must all come after the year of the prior award."""
    if award_year is None:
        text = f"Tính {minimum.value} năm liên tục sau khi được tặng «{label(form)}»: chưa có «{label(form)}»"
        return ctx.condition(id, None, text, minimum, *cites)
    first, last = award_year + 1, award_year + minimum.value
    have = max(ctx.year - award_year, 0)
    if ctx.year >= last:
        text = (
            f"Các năm xét {years_text(range(first, ctx.year + 1))} đều sau năm được tặng "
            f"«{label(form)}» ({award_year}): đủ {minimum.value} năm"
        )
        return ctx.condition(id, True, text, minimum, *cites)
    text = (
        f"Được tặng «{label(form)}» năm {award_year}: đến năm {ctx.year} mới có {have} năm sau đó, "
        f"cần {minimum.value} năm liên tục ({years_text(range(first, last + 1))})"
    )
    return ctx.condition(id, False, text, minimum, *cites)


def full_years(since: dt.date, until: dt.date) -> int:
    """Completed years from `since` to `until` (a year counts when its anniversary is reached)."""
    years = until.year - since.year - ((until.month, until.day) < (since.month, since.day))
    return max(years, 0)


def served(ctx: Ctx, since: dt.date) -> str:
    return f"{full_years(since, ctx.as_of)} năm (từ {since:%d/%m/%Y} đến {ctx.as_of:%d/%m/%Y})"


def three_valued(outcomes: list[bool | None]) -> bool | None:
    """Outcomes of every reading a missing fact leaves open: True when all pass, False when all fail,
    else None (it depends on the missing fact)."""
    if all(o is True for o in outcomes):
        return True
    if all(o is False for o in outcomes):
        return False
    return None


@dataclass(frozen=True)
class Count:
    """At least `need` years of `test` within the counted period, e.g. 3 years with CSTĐCS."""

    id: str
    test: Callable[[Year], bool]
    need: Value
    what: str  # "đạt Chiến sĩ thi đua cơ sở"


def after_prior_award(
    ctx: Ctx,
    *,
    prior_form: str,
    minimum: Value,
    counts: tuple[Count, ...],
    cite: str,
    after_required: bool = True,
    after_cites: tuple[Value | str, ...] = (),
) -> list[Condition]:
    """ "Already holds `prior_form`, then ≥ `minimum` consecutive years up to the year under review rated
    `good`+, within which …": the prior award, the years after it (when `after_required`), the chain of
    `good`+ years, and each count over the whole run of `good`+ years (a longer run counts whole)."""
    holds, award_year = holds_condition(ctx, f"holds_{prior_form}", prior_form, cite)
    conditions = [holds]
    bound = award_year if after_required else None
    if after_required:
        conditions.append(
            after_award_condition(
                ctx, "years_after_prior_award", award_year, minimum, prior_form, *after_cites, cite
            )
        )
    chain = ctx.chain(ctx.run_ending(minimum.value), good_or_better)
    conditions.append(
        ctx.chain_condition(
            "good_rating_years", chain, "Xếp loại «Hoàn thành tốt nhiệm vụ» trở lên liên tục", minimum, cite
        )
    )
    run = run_back(ctx, good_or_better, after=bound)
    for count in counts:
        conditions.append(
            count_condition(
                ctx,
                count.id,
                run=run,
                minimum_years=minimum.value,
                test=count.test,
                need=count.need,
                what=count.what,
                after=bound,
                cites=(cite,),
            )
        )
    return conditions


def holds_any(ctx: Ctx, form: str) -> int | None:
    """The earliest year (history entry) up to the year under review with an award of `form`, whatever its
    category (an honorary title or a once-in-a-life medal is held however it was given)."""
    history = ctx.subject.history.items()
    years = [y for y, r in history if y <= ctx.year and any(a.form == form for a in r.awards)]
    return min(years) if years else None


def physician_service(ctx: Ctx, prefix: str) -> Condition:
    """Thầy thuốc Nhân dân / Ưu tú (Law 2022 Điều 65): years of direct professional-technical work, or for a
    health manager years in the sector including years of direct work, counted up to `as_of`. The citation
    comes from the parameters (`<prefix>.direct_years` …)."""
    s = ctx.subject
    direct_since, sector_since = s.direct_professional_since, s.health_sector_since
    direct_years = full_years(direct_since, ctx.as_of) if direct_since else None
    sector_years = full_years(sector_since, ctx.as_of) if sector_since else None
    no_direct = "chưa có ngày bắt đầu trực tiếp làm chuyên môn kỹ thuật"
    no_sector = "chưa có ngày vào ngành y tế"
    outcomes: list[bool | None] = []
    texts: list[str] = []
    used: list[Value] = []
    if s.is_manager is not True:
        need = ctx.param(f"{prefix}.direct_years")
        used.append(need)
        done = served(ctx, direct_since) if direct_since else no_direct
        outcomes.append(None if direct_years is None else direct_years >= need.value)
        texts.append(f"Trực tiếp làm chuyên môn kỹ thuật y tế {done} — cần từ đủ {need.value} năm")
    if s.is_manager is not False:
        sector = ctx.param(f"{prefix}.manager_sector_years")
        direct = ctx.param(f"{prefix}.manager_direct_years")
        used += [sector, direct]
        if (direct_years is not None and direct_years < direct.value) or (
            sector_years is not None and sector_years < sector.value
        ):
            outcomes.append(False)
        else:
            outcomes.append(None if direct_years is None or sector_years is None else True)
        in_sector = served(ctx, sector_since) if sector_since else no_sector
        in_direct = served(ctx, direct_since) if direct_since else no_direct
        texts.append(
            f"Người làm công tác quản lý y tế: công tác trong ngành {in_sector} "
            f"(cần từ đủ {sector.value} năm), trong đó trực tiếp làm chuyên môn {in_direct} "
            f"(cần từ đủ {direct.value} năm)"
        )
    met = three_valued(outcomes)
    text = "; ".join(texts)
    if s.is_manager is None:
        text = f"Chưa rõ có phải người làm công tác quản lý y tế — {text}"
    return ctx.condition("service_years", met, text, *used)
