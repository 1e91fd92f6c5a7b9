"""Titles and awards conferred (from past paper decisions, or later from tdkt's own decisions)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.audit import snapshot
from tdkt.core.text import normalize_spaces
from tdkt.core.timeutil import today_vn
from tdkt.law.vocabulary import CANDIDATES, LABELS_VI
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.models import AwardSource, ConferredAward
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

# Titles counted in a collective's member figures (records.facts.collective_members).
MEMBER_TITLES = frozenset({"advanced_worker", "grassroots_emulation_fighter"})


# -- titles and awards conferred ---------------------------------------------------------------------


def _check_award(
    *,
    obj: ConferredAward,
    today: dt.date,
) -> None:
    if obj.candidate not in CANDIDATES:
        refuse(
            _("«%(candidate)s» is not a title or a form of commendation.") % {"candidate": obj.candidate},
            "candidate",
        )
    check_year(obj.year, today)
    check_not_future(obj.decision_date, today, "decision_date")
    check_not_before_year(obj.decision_date, obj.year, "decision_date")
    twin = ConferredAward.objects.filter(
        person=obj.person, unit=obj.unit, year=obj.year, candidate=obj.candidate, category=obj.category
    ).exclude(pk=obj.pk)
    if twin.exists():
        refuse(
            _("«%(candidate)s» for %(year)s (%(category)s) is already recorded for %(subject)s.")
            % {
                "candidate": LABELS_VI.get(obj.candidate, obj.candidate),
                "year": obj.year,
                "category": obj.get_category_display().lower(),
                "subject": obj.person or obj.unit,
            },
            "candidate",
        )


def _award_changed(award: ConferredAward, candidates: set[str], years: set[int], today: dt.date) -> None:
    if award.person_id:
        members = bool(candidates & MEMBER_TITLES)
        refresh_person([award.person_id], years=years, members=members, today=today)
    else:
        refresh_unit(award.unit_id, years=years, today=today)


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
    today: dt.date | None = None,
) -> ConferredAward:
    """Record a title or form conferred (from a past paper decision, or later from a tdkt decision)."""
    today = today or today_vn()
    obj = ConferredAward(
        person=person,
        unit=unit,
        year=year,
        candidate=candidate,
        category=category,
        decision_number=normalize_spaces(decision_number),
        decision_date=decision_date,
        issuer=normalize_spaces(issuer),
        source=source,
        created_by=actor if actor and actor.is_authenticated else None,
    )
    _check_award(obj=obj, today=today)
    save(actor, obj)
    _award_changed(obj, {candidate}, {year}, today)
    return obj


def _check_by_hand(award: ConferredAward) -> None:
    if award.source == AwardSource.DECISION:
        refuse(
            _(
                "This award was conferred by a decision issued in tdkt: it cannot be changed here, "
                "only revoked by another decision."
            )
        )


@transaction.atomic
def award_update(
    *,
    actor,
    award: ConferredAward,
    year: int,
    candidate: str,
    category: str,
    decision_number: str,
    decision_date: dt.date | None,
    issuer: str = "",
    reason: str = "",
    today: dt.date | None = None,
) -> ConferredAward:
    """Correct a title or award recorded from a past decision."""
    today = today or today_vn()
    obj = lock(award)
    _check_by_hand(obj)
    before = snapshot(obj)
    old_year, old_candidate = obj.year, obj.candidate
    obj.year, obj.candidate, obj.category = year, candidate, category
    obj.decision_number, obj.decision_date = normalize_spaces(decision_number), decision_date
    obj.issuer = normalize_spaces(issuer)
    _check_award(obj=obj, today=today)
    save(actor, obj, before, reason)
    _award_changed(obj, {old_candidate, candidate}, {old_year, year}, today)
    return obj


@transaction.atomic
def award_delete(*, actor, award: ConferredAward, reason: str = "", today: dt.date | None = None) -> None:
    _check_by_hand(lock(award))
    candidate, year = award.candidate, award.year
    delete(actor, award, reason=reason)
    _award_changed(award, {candidate}, {year}, today or today_vn())


@transaction.atomic
def award_revoke(
    *, actor, award: ConferredAward, decision_number: str, revoked_on: dt.date, reason: str = "", today=None
) -> ConferredAward:
    """The award is revoked by a tdkt decision (Luật Thi đua, khen thưởng, Điều 93): kept, marked with the
    revoking decision, and no longer counted for anyone's eligibility."""
    today = today or today_vn()
    obj = ConferredAward.all_objects.select_for_update().get(pk=award.pk)
    if obj.revoked_on is not None:
        refuse(_("This award was already revoked by the decision %(number)s.") % {"number": obj.revoked_by})
    before = snapshot(obj)
    obj.revoked_on, obj.revoked_by = revoked_on, normalize_spaces(decision_number)
    save(actor, obj, before, reason)
    _award_changed(obj, {obj.candidate}, {obj.year}, today)
    return obj
