"""Records that are periods: discipline, long leave and reviews in progress."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.audit import snapshot
from tdkt.core.text import normalize_spaces
from tdkt.core.timeutil import today_vn
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.models import WARNING_OR_ABOVE, Discipline, Leave, Review
from tdkt.records.services.common import (
    check_not_future,
    check_period,
    check_year,
    delete,
    lock,
    refresh_person,
    refresh_unit,
    refuse,
    save,
    years_between,
)

# -- discipline --------------------------------------------------------------------------------------


def _check_discipline(
    *, start: dt.date, end: dt.date | None, decision_date: dt.date | None, today: dt.date
) -> None:
    check_year(start.year, today, "start")
    check_period(start, end)
    check_not_future(decision_date, today, "decision_date")


def _discipline_changed(person_id: int, years: set[int], levels: set[str], today: dt.date) -> None:
    # Discipline at warning or above counts in the collectives' member figures.
    members = bool(levels & set(WARNING_OR_ABOVE))
    refresh_person([person_id], years=years, members=members, today=today)


@transaction.atomic
def discipline_create(
    *,
    actor,
    person: Person,
    level: str,
    start: dt.date,
    end: dt.date | None = None,
    decision_number: str = "",
    decision_date: dt.date | None = None,
    reason: str = "",
    today: dt.date | None = None,
) -> Discipline:
    today = today or today_vn()
    _check_discipline(start=start, end=end, decision_date=decision_date, today=today)
    obj = save(
        actor,
        Discipline(
            person=person,
            level=level,
            start=start,
            end=end,
            decision_number=normalize_spaces(decision_number),
            decision_date=decision_date,
            reason=normalize_spaces(reason),
        ),
    )
    _discipline_changed(person.pk, years_between(start, end, today), {level}, today)
    return obj


@transaction.atomic
def discipline_update(
    *,
    actor,
    discipline: Discipline,
    level: str,
    start: dt.date,
    end: dt.date | None = None,
    decision_number: str = "",
    decision_date: dt.date | None = None,
    reason: str = "",
    change_reason: str = "",
    today: dt.date | None = None,
) -> Discipline:
    """Correct a discipline decision (`reason` is the decision's ground; `change_reason` the audit note)."""
    today = today or today_vn()
    _check_discipline(start=start, end=end, decision_date=decision_date, today=today)
    obj = lock(discipline)
    before = snapshot(obj)
    years = years_between(obj.start, obj.end, today) | years_between(start, end, today)
    levels = {obj.level, level}
    obj.level, obj.start, obj.end = level, start, end
    obj.decision_number, obj.decision_date = normalize_spaces(decision_number), decision_date
    obj.reason = normalize_spaces(reason)
    save(actor, obj, before, change_reason)
    _discipline_changed(obj.person_id, years, levels, today)
    return obj


@transaction.atomic
def discipline_delete(
    *, actor, discipline: Discipline, reason: str = "", today: dt.date | None = None
) -> None:
    today = today or today_vn()
    lock(discipline)
    person_id, level = discipline.person_id, discipline.level
    years = years_between(discipline.start, discipline.end, today)
    delete(actor, discipline, reason=reason)
    _discipline_changed(person_id, years, {level}, today)


# -- long leave --------------------------------------------------------------------------------------


def _check_leave(
    *, person: Person, start: dt.date, end: dt.date, today: dt.date, exclude: int | None
) -> None:
    check_year(start.year, today, "start")
    check_period(start, end)
    overlap = Leave.objects.filter(person=person, start__lte=end, end__gte=start).exclude(pk=exclude).first()
    if overlap:
        refuse(
            _("This period overlaps the %(kind)s from %(start)s to %(end)s already recorded.")
            % {
                "kind": overlap.get_kind_display().lower(),
                "start": f"{overlap.start:%d/%m/%Y}",
                "end": f"{overlap.end:%d/%m/%Y}",
            },
            "start",
        )


@transaction.atomic
def leave_create(
    *, actor, person: Person, kind: str, start: dt.date, end: dt.date, today: dt.date | None = None
) -> Leave:
    today = today or today_vn()
    _check_leave(person=person, start=start, end=end, today=today, exclude=None)
    obj = save(actor, Leave(person=person, kind=kind, start=start, end=end))
    # Leave is read by the person panel's absence gate, not by the stored verdicts.
    return obj


@transaction.atomic
def leave_update(
    *,
    actor,
    leave: Leave,
    kind: str,
    start: dt.date,
    end: dt.date,
    reason: str = "",
    today: dt.date | None = None,
) -> Leave:
    today = today or today_vn()
    obj = lock(leave)
    _check_leave(person=obj.person, start=start, end=end, today=today, exclude=obj.pk)
    before = snapshot(obj)
    obj.kind, obj.start, obj.end = kind, start, end
    return save(actor, obj, before, reason)


@transaction.atomic
def leave_delete(*, actor, leave: Leave, reason: str = "") -> None:
    delete(actor, lock(leave), reason=reason)


# -- reviews (disciplinary review, investigation, complaint) ------------------------------------------


def _review_changed(review: Review, years: set[int], today: dt.date) -> None:
    if review.person_id:
        refresh_person([review.person_id], years=years, members=False, today=today)
    else:
        refresh_unit(review.unit_id, years=years, today=today)


@transaction.atomic
def review_open(
    *,
    actor,
    reason: str,
    start: dt.date,
    person: Person | None = None,
    unit: Unit | None = None,
    end: dt.date | None = None,
    today: dt.date | None = None,
) -> Review:
    today = today or today_vn()
    check_year(start.year, today, "start")
    check_period(start, end)
    obj = save(actor, Review(person=person, unit=unit, reason=normalize_spaces(reason), start=start, end=end))
    _review_changed(obj, years_between(start, end, today), today)
    return obj


@transaction.atomic
def review_update(
    *,
    actor,
    review: Review,
    reason: str,
    start: dt.date,
    end: dt.date | None = None,
    change_reason: str = "",
    today: dt.date | None = None,
) -> Review:
    today = today or today_vn()
    check_year(start.year, today, "start")
    check_period(start, end)
    obj = lock(review)
    before = snapshot(obj)
    years = years_between(obj.start, obj.end, today) | years_between(start, end, today)
    obj.reason, obj.start, obj.end = normalize_spaces(reason), start, end
    save(actor, obj, before, change_reason)
    _review_changed(obj, years, today)
    return obj


@transaction.atomic
def review_close(*, actor, review: Review, end: dt.date, today: dt.date | None = None) -> Review:
    return review_update(
        actor=actor, review=review, reason=review.reason, start=review.start, end=end, today=today
    )


@transaction.atomic
def review_delete(*, actor, review: Review, reason: str = "", today: dt.date | None = None) -> None:
    today = today or today_vn()
    lock(review)
    years = years_between(review.start, review.end, today)
    delete(actor, review, reason=reason)
    _review_changed(review, years, today)
