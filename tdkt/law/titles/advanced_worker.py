"""Lao động tiên tiến — `advanced_worker` (Law 2022 Điều 24; old regime: Law 2003 Điều 24, ND 91/2017).

The exclusion gates come first, so that the first failing reason names them: recruited too recently
(`minimum_months_worked`), then too little time actually at work because of long leave (`no_long_absence`:
leave the law does not count as time worked — sick leave, personal leave — is taken off the time in post;
maternity leave and training count, each kind a dated parameter). Then the rating, then the council's
judgement."""

import datetime as dt

from tdkt.law.context import Ctx, label
from tdkt.law.facts import Leave
from tdkt.law.registry import rule
from tdkt.law.vocabulary import LEAVE_KINDS

LAW_2022_ART_24_1_B = "Luật Thi đua, khen thưởng 2022, Điều 24, khoản 1, điểm b"
LAW_2003_ART_24 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 24"


def rating_condition(ctx: Ctx, year: int | None = None):
    """Rated `good` or `excellent` in the year."""
    year = ctx.year if year is None else year
    allowed = ctx.param("advanced_worker.good_ratings")
    rating = ctx.rating(year)
    if rating is None:
        text = f"Xếp loại «Hoàn thành tốt nhiệm vụ» trở lên năm {year}: chưa có kết quả xếp loại"
        return ctx.condition("rating_good_or_better", None, text, allowed)
    met = rating in allowed.value
    text = f"Xếp loại năm {year}: «{label(rating)}»" + (
        "" if met else " — cần «Hoàn thành tốt nhiệm vụ» trở lên"
    )
    return ctx.condition("rating_good_or_better", met, text, allowed)


def tenure_condition(ctx: Ctx):
    """Not recruited fewer than the minimum months before the end of the year."""
    minimum = ctx.param("advanced_worker.minimum_months")
    since = ctx.subject.employed_since
    y = ctx.year
    if since is None:
        text = f"Thời gian công tác năm {y} từ {minimum.value} tháng trở lên: chưa có ngày tuyển dụng"
        return ctx.condition("minimum_months_worked", None, text, minimum)
    start = max(since, dt.date(y, 1, 1))
    months = 0 if since.year > y else 12 - start.month + 1  # the starting month counts as worked
    met = months >= minimum.value
    text = f"Công tác {months} tháng trong năm {y} (từ {start:%d/%m/%Y})" + (
        "" if met else f" — người mới tuyển dụng dưới {minimum.value} tháng không được xét"
    )
    return ctx.condition("minimum_months_worked", met, text, minimum)


LEAVE_VI = {"maternity": "nghỉ thai sản", "study": "đi học, đào tạo", "sick": "nghỉ ốm", "other": "nghỉ khác"}


def post_start(since: dt.date | None, year: int) -> dt.date | None:
    """The first day counted in post in `year`: 1 January (also when the recruitment date is unknown: the
    tenure condition answers that), or the first day of the month of recruitment in that year (the starting
    month counts, as in tenure_condition); None when recruited after the year."""
    if since is None or since.year < year:
        return dt.date(year, 1, 1)
    if since.year > year:
        return None
    return dt.date(year, since.month, 1)


def days_on_leave(periods: list[Leave], first: dt.date, last: dt.date) -> int:
    """Days of `first`..`last` covered by the periods (overlaps counted once; an open period runs on)."""
    spans = sorted((max(p.start, first), min(p.end or last, last)) for p in periods)
    days, reach = 0, first - dt.timedelta(days=1)
    for start, end in spans:
        start = max(start, reach + dt.timedelta(days=1))
        if end >= start:
            days += (end - start).days + 1
            reach = end
    return days


def threshold_days(year: int, months: int) -> int:
    """The minimum months as days: as long as someone recruited on the 1st of the month `months` months
    before the end of the year (6 months → 1 July to 31 December)."""
    if months <= 0:
        return 0
    start = dt.date(year, 1, 1) if months >= 12 else dt.date(year, 13 - months, 1)
    return (dt.date(year, 12, 31) - start).days + 1


def _leave_text(periods: list[Leave]) -> str:
    return ", ".join(
        f"{LEAVE_VI[p.kind]} {p.start:%d/%m/%Y}–" + (f"{p.end:%d/%m/%Y}" if p.end else "nay")
        for p in sorted(periods, key=lambda p: (p.start, LEAVE_KINDS.index(p.kind)))
    )


def absence_condition(ctx: Ctx):
    """Long absence: time in post in the year less the leave that does not count as time worked reaches the
    minimum months at work. Listed only when the year's record has leave (None otherwise); each kind's rule
    is read only when that kind of leave is there, so its citation and `verified` flag travel with it."""
    y = ctx.year
    record = ctx.this_year
    if record is None or not record.leave:
        return None
    first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
    periods = [p for p in record.leave if p.start <= last and (p.end is None or p.end >= first)]
    if not periods:
        return None
    kinds = [k for k in LEAVE_KINDS if any(p.kind == k for p in periods)]
    rules = {k: ctx.param(f"advanced_worker.leave_counts_as_work.{k}") for k in kinds}
    counted = [p for p in periods if rules[p.kind].value]
    uncounted = [p for p in periods if not rules[p.kind].value]
    cites = list(rules.values())
    if not uncounted:
        text = f"Thời gian {_leave_text(counted)} được tính là thời gian công tác năm {y}"
        return ctx.condition("no_long_absence", True, text, *cites)
    minimum = ctx.param("advanced_worker.minimum_months_at_work")
    start = post_start(ctx.subject.employed_since, y)
    in_post = 0 if start is None else (last - start).days + 1
    absent = 0 if start is None else days_on_leave(uncounted, start, last)
    worked = in_post - absent
    need = threshold_days(y, minimum.value)
    met = worked >= need
    text = (
        f"Làm việc thực tế {worked} ngày trong năm {y} sau khi trừ {absent} ngày "
        f"{_leave_text(uncounted)} (không được tính là thời gian công tác)"
    )
    if counted:
        text += f"; thời gian {_leave_text(counted)} được tính là thời gian công tác"
    if not met:
        text += f" — làm việc thực tế dưới {minimum.value} tháng ({need} ngày) không được xét"
    return ctx.condition("no_long_absence", met, text, minimum, *cites)


def gate_conditions(ctx: Ctx) -> list:
    """The exclusion gates of the year, in order: recruited too recently, then long absence (if any leave)."""
    return [c for c in (tenure_condition(ctx), absence_condition(ctx)) if c is not None]


def _conditions(ctx: Ctx, solidarity_cite: str):
    return [
        *gate_conditions(ctx),
        rating_condition(ctx),
        ctx.judgement(
            "solidarity",
            "Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong "
            "trào thi đua (Hội đồng đánh giá)",
            solidarity_cite,
        ),
    ]


@rule("advanced_worker", since="2017-10-01")
def advanced_worker_2017_10_01(ctx: Ctx):
    return _conditions(ctx, LAW_2003_ART_24)


@rule("advanced_worker", since="2024-01-01")
def advanced_worker_2024_01_01(ctx: Ctx):
    return _conditions(ctx, LAW_2022_ART_24_1_B)
