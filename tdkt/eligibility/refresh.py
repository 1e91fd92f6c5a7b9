"""Keeping the stored verdicts of the unit list in step with the records.

The unit list shows verdicts stored by a recompute. When one record changes by hand, the verdicts stored
for the subjects it can move are evaluated again at once, in the same transaction as the change, so the
list never shows a verdict the records no longer support:
- a person's record of year Y can change their verdicts of Y and of every later year (titles build on
  chains of years), so every stored year from Y on is evaluated again;
- a person's rating, LĐTT/CSTĐCS title or discipline of year Y also changes the member figures of the
  collectives they belonged to in Y, which the engine reads for Y and Y + 1;
- a collective's own record of year Y changes its verdicts from Y on.
Only subjects and years already stored are touched: nothing computed is created from nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from tdkt.law import evaluate_many
from tdkt.org.models import Unit
from tdkt.people.models import Employment
from tdkt.records.facts import collective_cases, person_cases

from .models import SUBJECT_COLUMNS, EligibilityResult
from .selectors import CANDIDATE_RANK, first_reason, review_as_of


def _fill(row: EligibilityResult, result: dict, *, as_of: dt.date, now) -> None:
    reason = first_reason(result) if result["verdict"] != "eligible" else None
    row.verdict = result["verdict"]
    row.rule = result["rule"]
    row.verified = result["verified"]
    row.first_condition = reason["id"] if reason else ""
    row.first_reason = reason["text"] if reason else ""
    row.first_cite = (reason["cite"] if reason else "")[:255]
    row.as_of = as_of
    row.computed_at = now


def _store(groups: list[tuple[list[EligibilityResult], dict]], *, as_of: dt.date, now) -> int:
    """Replace each subject's stored rows of the year by its new answer, keeping the subject's stored
    details (home, name, filters). Two queries whatever the number of subjects; returns the rows written.
    (Replacing is much cheaper than a bulk update of a few rows with eight fields each.)"""
    fresh, gone = [], []
    for stored, answer in groups:
        template = stored[0]
        gone += [row.pk for row in stored]
        for result in answer["results"]:
            row = EligibilityResult(**{f: getattr(template, f) for f in SUBJECT_COLUMNS})
            row.candidate = result["candidate"]
            row.candidate_rank = CANDIDATE_RANK.get(result["candidate"], 0)
            _fill(row, result, as_of=as_of, now=now)
            fresh.append(row)
    EligibilityResult.objects.filter(pk__in=gone).delete()
    EligibilityResult.objects.bulk_create(fresh)
    return len(fresh)


def _by_subject_and_year(rows: Iterable[EligibilityResult], attr: str) -> dict[int, dict[int, list]]:
    grouped: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        grouped[row.year][getattr(row, attr)].append(row)
    return grouped


def refresh_people(*, person_ids: Iterable[int], from_year: int, today: dt.date) -> int:
    """Evaluate again the stored verdicts of these people for `from_year` and later. Two queries, then
    the engine's reads per stored year."""
    ids = sorted(set(person_ids))
    if not ids:
        return 0
    rows = EligibilityResult.objects.filter(person_id__in=ids, year__gte=from_year).select_related("person")
    written = 0
    now = timezone.now()
    for year, by_person in sorted(_by_subject_and_year(rows, "person_id").items()):
        as_of = review_as_of(year, today)
        people = [stored[0].person for _, stored in sorted(by_person.items())]
        answers = evaluate_many(person_cases(people, year=year, as_of=as_of))
        groups = [(by_person[p.pk], answer) for p, answer in zip(people, answers, strict=True)]
        written += _store(groups, as_of=as_of, now=now)
    return written


def refresh_collectives(*, unit_ids: Iterable[int], years: Iterable[int], today: dt.date) -> int:
    """Evaluate again the stored verdicts of these collectives for these years."""
    ids, years = sorted(set(unit_ids)), sorted(set(years))
    if not ids or not years:
        return 0
    rows = EligibilityResult.objects.filter(unit_id__in=ids, year__in=years).select_related("unit")
    written = 0
    now = timezone.now()
    for year, by_unit in sorted(_by_subject_and_year(rows, "unit_id").items()):
        as_of = review_as_of(year, today)
        units: list[Unit] = [stored[0].unit for _, stored in sorted(by_unit.items())]
        answers = evaluate_many(collective_cases(units, year=year, as_of=as_of))
        groups = [(by_unit[u.pk], answer) for u, answer in zip(units, answers, strict=True)]
        written += _store(groups, as_of=as_of, now=now)
    return written


def collectives_of(*, person_ids: Iterable[int], years: Iterable[int]) -> set[int]:
    """The units and departments where these people held a post during any of these years (the
    collectives whose member figures count them)."""
    years = sorted(set(years))
    if not years:
        return set()
    first, last = dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)
    posts = Employment.objects.filter(person_id__in=list(person_ids), start__lte=last).filter(
        Q(end__isnull=True) | Q(end__gte=first)
    )
    found: set[int] = set()
    for unit_id, department_id in posts.values_list("unit_id", "department_id"):
        found.add(unit_id)
        if department_id:
            found.add(department_id)
    return found


def eligibility_refresh_after_change(
    *,
    today: dt.date,
    person_ids: Iterable[int] = (),
    person_years: Iterable[int] = (),
    member_years: Iterable[int] = (),
    unit_ids: Iterable[int] = (),
    unit_years: Iterable[int] = (),
) -> int:
    """After records changed: the people's stored verdicts from the first of `person_years` on; when
    their member figures changed (`member_years`, the years of the changed rating, title or discipline),
    the collectives they belonged to, for those years and the next; a collective's own record
    (`unit_ids`, `unit_years`): its stored verdicts from the first of those years on."""
    person_ids, person_years = list(person_ids), list(person_years)
    member_years, unit_years = sorted(set(member_years)), list(unit_years)
    written = 0
    if person_ids and person_years:
        written += refresh_people(person_ids=person_ids, from_year=min(person_years), today=today)
    if person_ids and member_years:
        units = collectives_of(person_ids=person_ids, years=member_years)
        following = {y + 1 for y in member_years}
        written += refresh_collectives(unit_ids=units, years=set(member_years) | following, today=today)
    if unit_ids and unit_years:
        years = range(min(unit_years), today.year + 1)
        written += refresh_collectives(unit_ids=unit_ids, years=years, today=today)
    return written
