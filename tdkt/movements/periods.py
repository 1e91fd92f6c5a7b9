"""Reporting periods of a target: calendar months, quarters, halves or years cut to the movement's dates."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tdkt.core.timeutil import format_date
from tdkt.movements.models import Frequency

_MONTHS_PER = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6, Frequency.YEARLY: 12}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str

    @property
    def key(self) -> str:
        return self.start.isoformat()

    def due_on(self, due_days: int) -> dt.date:
        return self.end + dt.timedelta(days=due_days)

    def __str__(self) -> str:
        return self.label


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _label(frequency: str, year: int, month: int) -> str:
    if frequency == Frequency.MONTHLY:
        return _("Month %(month)02d/%(year)s") % {"month": month, "year": year}
    if frequency == Frequency.QUARTERLY:
        return _("Quarter %(q)s/%(year)s") % {"q": (month - 1) // 3 + 1, "year": year}
    if frequency == Frequency.HALF_YEARLY:
        if month == 1:
            return _("First half of %(year)s") % {"year": year}
        return _("Second half of %(year)s") % {"year": year}
    return _("Year %(year)s") % {"year": year}


def report_periods(*, frequency: str, start: dt.date, end: dt.date) -> list[Period]:
    """The periods over [start, end]; a target without a frequency is reported once, at the end."""
    if frequency not in _MONTHS_PER:
        return [
            Period(
                start,
                end,
                _("Whole movement (%(dates)s)") % {"dates": f"{format_date(start)} – {format_date(end)}"},
            )
        ]
    step = _MONTHS_PER[frequency]
    periods = []
    year, month = start.year, ((start.month - 1) // step) * step + 1
    while dt.date(year, month, 1) <= end:
        last_month = month + step - 1
        cal_end = _month_end(year, last_month)
        periods.append(
            Period(max(start, dt.date(year, month, 1)), min(end, cal_end), _label(frequency, year, month))
        )
        month += step
        if month > 12:
            year, month = year + 1, month - 12
    return periods


def last_due_period(periods: list[Period], *, due_days: int, today: dt.date) -> Period | None:
    """The latest period whose report was due by `today` (None: nothing due yet)."""
    due = [p for p in periods if p.due_on(due_days) < today]
    return due[-1] if due else None
