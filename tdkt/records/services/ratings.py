"""A person's and a collective's yearly rating (xếp loại chất lượng)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.audit import snapshot
from tdkt.core.text import normalize_spaces
from tdkt.core.timeutil import today_vn
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.imports_base import operating_in
from tdkt.records.models import AnnualRating, CollectiveRating
from tdkt.records.services.common import (
    check_not_before_year,
    check_not_future,
    check_year,
    delete,
    lock,
    refresh_person,
    refresh_unit,
    refuse,
    save,
)

# -- annual ratings --------------------------------------------------------------------------------


@transaction.atomic
def rating_set(
    *,
    actor,
    person: Person,
    year: int,
    rating: str,
    unit: Unit,
    rated_by: str = "",
    rated_on: dt.date | None = None,
) -> AnnualRating:
    """Record (or correct) a person's rating for a year."""
    existing = AnnualRating.objects.select_for_update().filter(person=person, year=year).first()
    before = snapshot(existing) if existing else None
    obj = existing or AnnualRating(person=person, year=year)
    obj.rating, obj.unit, obj.rated_by, obj.rated_on = rating, unit, rated_by, rated_on
    save(actor, obj, before)
    refresh_person([person.pk], years={year}, members=True, today=today_vn())
    return obj


def _check_rating(*, year: int, rated_on: dt.date | None, today: dt.date) -> None:
    check_year(year, today)
    check_not_future(rated_on, today, "rated_on")
    check_not_before_year(rated_on, year, "rated_on")


@transaction.atomic
def rating_create(
    *,
    actor,
    person: Person,
    year: int,
    rating: str,
    unit: Unit,
    rated_by: str = "",
    rated_on: dt.date | None = None,
    today: dt.date | None = None,
) -> AnnualRating:
    """A person's rating for a year not rated yet (a second one for the same year is refused)."""
    today = today or today_vn()
    _check_rating(year=year, rated_on=rated_on, today=today)
    if AnnualRating.objects.select_for_update().filter(person=person, year=year).exists():
        refuse(
            _("%(name)s already has a rating for %(year)s: correct that one instead.")
            % {"name": person.full_name, "year": year},
            "year",
        )
    obj = AnnualRating(
        person=person,
        year=year,
        rating=rating,
        unit=unit,
        rated_by=normalize_spaces(rated_by),
        rated_on=rated_on,
    )
    save(actor, obj)
    refresh_person([person.pk], years={year}, members=True, today=today)
    return obj


@transaction.atomic
def rating_update(
    *,
    actor,
    annual_rating: AnnualRating,
    year: int,
    rating: str,
    unit: Unit,
    rated_by: str = "",
    rated_on: dt.date | None = None,
    reason: str = "",
    today: dt.date | None = None,
) -> AnnualRating:
    today = today or today_vn()
    _check_rating(year=year, rated_on=rated_on, today=today)
    obj = lock(annual_rating)
    taken = AnnualRating.objects.filter(person_id=obj.person_id, year=year).exclude(pk=obj.pk).exists()
    if taken:
        refuse(
            _("%(name)s already has a rating for %(year)s.") % {"name": obj.person.full_name, "year": year},
            "year",
        )
    before = snapshot(obj)
    old_year = obj.year
    obj.year, obj.rating, obj.unit = year, rating, unit
    obj.rated_by, obj.rated_on = normalize_spaces(rated_by), rated_on
    save(actor, obj, before, reason)
    refresh_person([obj.person_id], years={old_year, year}, members=True, today=today)
    return obj


@transaction.atomic
def rating_delete(
    *, actor, annual_rating: AnnualRating, reason: str = "", today: dt.date | None = None
) -> None:
    lock(annual_rating)
    person_id, year = annual_rating.person_id, annual_rating.year
    delete(actor, annual_rating, reason=reason)
    refresh_person([person_id], years={year}, members=True, today=today or today_vn())


# -- collective ratings ------------------------------------------------------------------------------


@transaction.atomic
def collective_rating_set(
    *, actor, unit: Unit, year: int, rating: str, rated_by: str = "", rated_on: dt.date | None = None
) -> CollectiveRating:
    existing = CollectiveRating.objects.select_for_update().filter(unit=unit, year=year).first()
    before = snapshot(existing) if existing else None
    obj = existing or CollectiveRating(unit=unit, year=year)
    obj.rating, obj.rated_by, obj.rated_on = rating, rated_by, rated_on
    save(actor, obj, before)
    refresh_unit(unit.pk, years={year}, today=today_vn())
    return obj


def _check_collective_rating(*, unit: Unit, year: int, rated_on: dt.date | None, today: dt.date) -> None:
    _check_rating(year=year, rated_on=rated_on, today=today)
    if not operating_in(unit, year):
        refuse(
            _("%(unit)s was not in operation in %(year)s.") % {"unit": unit.name, "year": year},
            "year",
        )


@transaction.atomic
def collective_rating_create(
    *,
    actor,
    unit: Unit,
    year: int,
    rating: str,
    rated_by: str = "",
    rated_on: dt.date | None = None,
    today: dt.date | None = None,
) -> CollectiveRating:
    today = today or today_vn()
    _check_collective_rating(unit=unit, year=year, rated_on=rated_on, today=today)
    if CollectiveRating.objects.select_for_update().filter(unit=unit, year=year).exists():
        refuse(
            _("%(unit)s already has a rating for %(year)s: correct that one instead.")
            % {"unit": unit.name, "year": year},
            "year",
        )
    obj = CollectiveRating(
        unit=unit, year=year, rating=rating, rated_by=normalize_spaces(rated_by), rated_on=rated_on
    )
    save(actor, obj)
    refresh_unit(unit.pk, years={year}, today=today)
    return obj


@transaction.atomic
def collective_rating_update(
    *,
    actor,
    collective_rating: CollectiveRating,
    year: int,
    rating: str,
    rated_by: str = "",
    rated_on: dt.date | None = None,
    reason: str = "",
    today: dt.date | None = None,
) -> CollectiveRating:
    today = today or today_vn()
    obj = lock(collective_rating)
    _check_collective_rating(unit=obj.unit, year=year, rated_on=rated_on, today=today)
    if CollectiveRating.objects.filter(unit_id=obj.unit_id, year=year).exclude(pk=obj.pk).exists():
        refuse(
            _("%(unit)s already has a rating for %(year)s.") % {"unit": obj.unit.name, "year": year},
            "year",
        )
    before = snapshot(obj)
    old_year = obj.year
    obj.year, obj.rating, obj.rated_by, obj.rated_on = year, rating, normalize_spaces(rated_by), rated_on
    save(actor, obj, before, reason)
    refresh_unit(obj.unit_id, years={old_year, year}, today=today)
    return obj


@transaction.atomic
def collective_rating_delete(
    *, actor, collective_rating: CollectiveRating, reason: str = "", today: dt.date | None = None
) -> None:
    lock(collective_rating)
    unit_id, year = collective_rating.unit_id, collective_rating.year
    delete(actor, collective_rating, reason=reason)
    refresh_unit(unit_id, years={year}, today=today or today_vn())
