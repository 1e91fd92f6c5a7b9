"""Writes to the yearly records. Every change is audited; multi-row writes are atomic."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.errors import ApplicationError
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.models import (
    Achievement,
    AnnualRating,
    CollectiveRating,
    ConferredAward,
    Discipline,
    Leave,
    Review,
)


def _save(actor, obj, before: dict | None = None, reason: str = ""):
    obj.full_clean()
    obj.save()
    action = AuditAction.UPDATE if before is not None else AuditAction.CREATE
    audit_log(actor=actor, action=action, obj=obj, before=before, after=snapshot(obj), reason=reason)
    return obj


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
    return _save(actor, obj, before)


@transaction.atomic
def collective_rating_set(
    *, actor, unit: Unit, year: int, rating: str, rated_by: str = "", rated_on: dt.date | None = None
) -> CollectiveRating:
    existing = CollectiveRating.objects.select_for_update().filter(unit=unit, year=year).first()
    before = snapshot(existing) if existing else None
    obj = existing or CollectiveRating(unit=unit, year=year)
    obj.rating, obj.rated_by, obj.rated_on = rating, rated_by, rated_on
    return _save(actor, obj, before)


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
) -> Achievement:
    if not authors:
        raise ApplicationError("Sáng kiến, đề tài phải có ít nhất một tác giả.")
    obj = Achievement(
        kind=kind,
        title=title,
        scope=scope,
        year=year,
        unit=unit,
        decision_number=decision_number,
        decision_date=decision_date,
        issuer=issuer,
    )
    obj.full_clean()
    obj.save()
    obj.authors.set(authors)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=obj,
        after={**snapshot(obj), "authors": sorted(a.pk for a in authors)},
    )
    return obj


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
) -> Discipline:
    return _save(
        actor,
        Discipline(
            person=person,
            level=level,
            start=start,
            end=end,
            decision_number=decision_number,
            decision_date=decision_date,
            reason=reason,
        ),
    )


@transaction.atomic
def leave_create(*, actor, person: Person, kind: str, start: dt.date, end: dt.date) -> Leave:
    return _save(actor, Leave(person=person, kind=kind, start=start, end=end))


@transaction.atomic
def review_open(
    *, actor, reason: str, start: dt.date, person: Person | None = None, unit: Unit | None = None
) -> Review:
    return _save(actor, Review(person=person, unit=unit, reason=reason, start=start))


@transaction.atomic
def review_close(*, actor, review: Review, end: dt.date) -> Review:
    before = snapshot(review)
    review.end = end
    return _save(actor, review, before)


@transaction.atomic
def award_record(
    *,
    actor,
    year: int,
    candidate: str,
    person: Person | None = None,
    unit: Unit | None = None,
    category: str = "merit",
    decision_number: str = "",
    decision_date: dt.date | None = None,
    issuer: str = "",
    source: str = "imported",
) -> ConferredAward:
    """Record a title or form conferred (from a past paper decision, or later from a tdkt decision)."""
    from tdkt.law.vocabulary import CANDIDATES

    if candidate not in CANDIDATES:
        raise ApplicationError(f"«{candidate}» không phải danh hiệu hoặc hình thức khen thưởng.")
    exists = ConferredAward.objects.filter(
        person=person, unit=unit, year=year, candidate=candidate, category=category
    ).exists()
    if exists:
        raise ApplicationError(f"Đã ghi nhận «{candidate}» năm {year} cho đối tượng này.")
    obj = ConferredAward(
        person=person,
        unit=unit,
        year=year,
        candidate=candidate,
        category=category,
        decision_number=decision_number,
        decision_date=decision_date,
        issuer=issuer,
        source=source,
        created_by=actor if actor and actor.is_authenticated else None,
    )
    return _save(actor, obj)
