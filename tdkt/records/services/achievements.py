"""Initiatives (sáng kiến) and research works, with their authors."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.text import normalize_spaces
from tdkt.core.timeutil import today_vn
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.imports_base import operating_in
from tdkt.records.models import Achievement
from tdkt.records.services.common import (
    check_not_before_year,
    check_not_future,
    check_year,
    delete,
    lock,
    refresh_person,
    refuse,
)

# -- initiatives and research works ------------------------------------------------------------------


def _achievement_snapshot(obj: Achievement, author_ids) -> dict:
    return {**snapshot(obj), "authors": sorted(author_ids)}


def _check_achievement(
    *, year: int, unit: Unit, authors: list[Person], decision_date: dt.date | None, today: dt.date
) -> None:
    if not authors:
        refuse(_("An initiative or research work needs at least one author."), "authors")
    check_year(year, today)
    if not operating_in(unit, year):
        refuse(
            _("%(unit)s was not in operation in %(year)s.") % {"unit": unit.name, "year": year},
            "unit",
        )
    check_not_future(decision_date, today, "decision_date")
    check_not_before_year(decision_date, year, "decision_date")


@transaction.atomic
def achievement_create(
    *,
    actor,
    kind: str,
    title: str,
    scope: str,
    year: int,
    unit: Unit,
    authors: list[Person],
    decision_number: str = "",
    decision_date: dt.date | None = None,
    issuer: str = "",
    today: dt.date | None = None,
) -> Achievement:
    today = today or today_vn()
    authors = list(dict.fromkeys(authors))
    _check_achievement(year=year, unit=unit, authors=authors, decision_date=decision_date, today=today)
    obj = Achievement(
        kind=kind,
        title=normalize_spaces(title),
        scope=scope,
        year=year,
        unit=unit,
        decision_number=normalize_spaces(decision_number),
        decision_date=decision_date,
        issuer=normalize_spaces(issuer),
    )
    obj.full_clean()
    obj.save()
    obj.authors.set(authors)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=obj,
        after=_achievement_snapshot(obj, [a.pk for a in authors]),
    )
    refresh_person([a.pk for a in authors], years={year}, members=False, today=today)
    return obj


@transaction.atomic
def achievement_update(
    *,
    actor,
    achievement: Achievement,
    kind: str,
    title: str,
    scope: str,
    year: int,
    unit: Unit,
    authors: list[Person],
    decision_number: str = "",
    decision_date: dt.date | None = None,
    issuer: str = "",
    reason: str = "",
    today: dt.date | None = None,
) -> Achievement:
    """Correct an initiative or research work; `authors` is the whole new list."""
    today = today or today_vn()
    authors = list(dict.fromkeys(authors))
    _check_achievement(year=year, unit=unit, authors=authors, decision_date=decision_date, today=today)
    obj = lock(achievement)
    old_authors = set(obj.authors.values_list("pk", flat=True))
    before = _achievement_snapshot(obj, old_authors)
    old_year = obj.year
    obj.kind, obj.title, obj.scope, obj.year, obj.unit = kind, normalize_spaces(title), scope, year, unit
    obj.decision_number = normalize_spaces(decision_number)
    obj.decision_date = decision_date
    obj.issuer = normalize_spaces(issuer)
    obj.full_clean()
    obj.save()
    new_authors = {a.pk for a in authors}
    if new_authors != old_authors:
        obj.authors.set(authors)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=obj,
        before=before,
        after=_achievement_snapshot(obj, new_authors),
        reason=reason,
    )
    refresh_person(old_authors | new_authors, years={old_year, year}, members=False, today=today)
    return obj


@transaction.atomic
def achievement_delete(
    *, actor, achievement: Achievement, reason: str = "", today: dt.date | None = None
) -> None:
    lock(achievement)
    authors = set(achievement.authors.values_list("pk", flat=True))
    year = achievement.year
    delete(actor, achievement, before=_achievement_snapshot(achievement, authors), reason=reason)
    refresh_person(authors, years={year}, members=False, today=today or today_vn())
