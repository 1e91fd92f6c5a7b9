"""Reads for eligibility: who is reviewed in a unit for a year, a person's record by year, the person
panel (the law engine's answer, explained) and the stored unit list. Fixed query counts whatever the size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Max, Q, QuerySet

from tdkt.law import evaluate
from tdkt.law.milestones import REVIEW_MONTH_DAY, next_milestones
from tdkt.law.parameters import Parameters
from tdkt.law.vocabulary import CANDIDATES, LABELS_VI, PERSON_TITLES
from tdkt.org.models import Unit
from tdkt.people.models import Employment, Person
from tdkt.records.facts import FIRST_YEAR, person_cases
from tdkt.records.models import (
    Achievement,
    AnnualRating,
    ConferredAward,
    Discipline,
    Leave,
    LeaveKind,
    Review,
)

from .models import EligibilityResult, EligibilityRun, Verdict

TIMELINE_FIRST_YEAR = 2019
REVIEW_SEASON_MONTH = 10  # from 1 October the year's review is the default (a working habit, not law)
# Engine conditions that are exclusion gates, shown above the verdicts.
GATE_CONDITIONS = ("no_discipline_in_year", "not_under_review", "minimum_months_worked")
# Long absence reuses the minimum months worked of advanced_worker (its citation travels with it).
ABSENCE_PARAMETER = "advanced_worker.minimum_months"
CANDIDATE_RANK = {c: i for i, c in enumerate(CANDIDATES)}
SUBJECT_PERSON_FIELDS = ("cccd", "full_name", "sort_key", "gender", "is_manager", "health_sector_since")


class ReviewedPerson(NamedTuple):
    """What the list and the engine's facts read of a person (a model instance each would cost more than
    judging them, for a province)."""

    pk: int
    cccd: str
    full_name: str
    sort_key: str
    gender: str
    is_manager: bool
    health_sector_since: dt.date


def default_review_year(today: dt.date) -> int:
    return today.year if today.month >= REVIEW_SEASON_MONTH else today.year - 1


def review_as_of(year: int, today: dt.date) -> dt.date:
    """The date a year's review is judged on: today for the current and the previous year (the review is
    under way), else that year's review day, so past years are read under the law of their time."""
    if year >= today.year - 1:
        return today
    month, day = (int(part) for part in REVIEW_MONTH_DAY.split("-"))
    return dt.date(year, month, day)


def review_years(today: dt.date) -> list[int]:
    return list(range(today.year, FIRST_YEAR - 1, -1))


def parse_year(value, today: dt.date) -> int:
    """?year= → a year the records cover (else the default review year)."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default_review_year(today)
    return year if FIRST_YEAR <= year <= today.year else default_review_year(today)


# -- who is reviewed ------------------------------------------------------------------------------


def _period(year: int, as_of: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of)


def collectives_for_year(unit: Unit, *, year: int, as_of: dt.date) -> list[Unit]:
    """The unit and every unit under it that existed during the year, in tree order."""
    first, last = _period(year, as_of)
    return list(
        Unit.objects.filter(path__startswith=unit.path, valid_from__lte=last)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=first))
        .order_by("path")
    )


def people_for_year(unit: Unit, *, year: int, as_of: dt.date) -> list[tuple[ReviewedPerson, Unit]]:
    """(person, home) for everyone whose last post of the year is in the unit's subtree; home is that
    post's department, or its unit. Three queries; a person moved mid-year is reviewed where they ended."""
    first, last = _period(year, as_of)
    subtree = {u.pk: u for u in Unit.objects.filter(path__startswith=unit.path)}
    posts = Employment.objects.filter(start__lte=last).filter(Q(end__isnull=True) | Q(end__gte=first))
    touching = posts.filter(
        Q(unit__path__startswith=unit.path) | Q(department__path__startswith=unit.path)
    ).values("person_id")
    home: dict[int, int] = {}
    for pid, unit_id, dept_id in (
        posts.filter(person_id__in=touching)
        .order_by("person_id", "start", "id")
        .values_list("person_id", "unit_id", "department_id")
    ):
        home[pid] = dept_id or unit_id
    kept = {pid: subtree[uid] for pid, uid in home.items() if uid in subtree}
    people = (
        Person.objects.filter(pk__in=touching)
        .order_by("sort_key", "id")
        .values_list("pk", *SUBJECT_PERSON_FIELDS)
    )
    return [(ReviewedPerson._make(p), kept[p[0]]) for p in people if p[0] in kept]


# -- a person's record, year by year -----------------------------------------------------------------


@dataclass
class TimelineYear:
    year: int
    rating: str = ""
    titles: list = None
    awards: list = None
    achievements: list = None
    disciplines: list = None
    leaves: list = None
    reviews: list = None

    def __post_init__(self):
        for name in ("titles", "awards", "achievements", "disciplines", "leaves", "reviews"):
            if getattr(self, name) is None:
                setattr(self, name, [])

    @property
    def is_empty(self) -> bool:
        return not (
            self.rating
            or self.titles
            or self.awards
            or self.achievements
            or self.disciplines
            or self.leaves
            or self.reviews
        )


def _touches(start: dt.date, end: dt.date | None, year: int) -> bool:
    return start <= dt.date(year, 12, 31) and (end is None or end >= dt.date(year, 1, 1))


def person_timeline_get(*, person: Person, today: dt.date) -> list[TimelineYear]:
    """The person's record from TIMELINE_FIRST_YEAR to this year, newest first. Six queries."""
    years = range(TIMELINE_FIRST_YEAR, today.year + 1)
    timeline = {y: TimelineYear(y) for y in years}
    labels = dict(AnnualRating._meta.get_field("rating").choices)
    for y, rating in AnnualRating.objects.filter(person=person, year__in=years).values_list("year", "rating"):
        timeline[y].rating = labels.get(rating, rating)
    for award in ConferredAward.objects.filter(person=person, year__in=years).order_by("decision_date", "id"):
        award.label = LABELS_VI.get(award.candidate, award.candidate)
        target = (
            timeline[award.year].titles if award.candidate in PERSON_TITLES else timeline[award.year].awards
        )
        target.append(award)
    for achievement in Achievement.objects.filter(authors=person, year__in=years).order_by("id"):
        timeline[achievement.year].achievements.append(achievement)
    # Discipline, leave and reviews are periods: shown in every year they touch.
    for d in Discipline.objects.filter(person=person).order_by("start"):
        for y in years:
            if _touches(d.start, d.end, y):
                timeline[y].disciplines.append(d)
    for leave in Leave.objects.filter(person=person).order_by("start"):
        for y in years:
            if _touches(leave.start, leave.end, y):
                timeline[y].leaves.append(leave)
    for r in Review.objects.filter(person=person).order_by("start"):
        for y in years:
            if _touches(r.start, r.end, y):
                timeline[y].reviews.append(r)
    return [timeline[y] for y in reversed(years)]


# -- the person panel ---------------------------------------------------------------------------------


def first_reason(result: dict) -> dict | None:
    """The first checkable condition that fails, else the first that lacks data (None when eligible)."""
    checkable = [c for c in result["conditions"] if not c.get("judgement")]
    return next((c for c in checkable if c["met"] is False), None) or next(
        (c for c in checkable if c["met"] is None), None
    )


def _absence_gate(leaves: list[Leave], *, year: int, as_of: dt.date) -> dict | None:
    """Leave other than maternity adding up to at least the minimum months in the year (maternity leave
    counts as time worked)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    days = 0
    for leave in leaves:
        if leave.kind == LeaveKind.MATERNITY or not _touches(leave.start, leave.end, year):
            continue
        days += (min(leave.end, last) - max(leave.start, first)).days + 1
    minimum = Parameters(as_of).value(ABSENCE_PARAMETER)
    year_days = (last - first).days + 1
    if days * 12 < minimum.value * year_days:
        return None
    return {
        "id": "long_absence",
        "text": f"Nghỉ dài ngày {days} ngày trong năm {year} (từ {minimum.value} tháng trở lên, "
        "không tính nghỉ thai sản): thời gian công tác thực tế chưa đủ để xét danh hiệu",
        "cite": minimum.cite,
        "verified": minimum.verified,
    }


def eligibility_panel_get(*, person: Person, year: int, as_of: dt.date) -> dict:
    """The law engine's answer for the person's review of `year`, arranged for the page: exclusion gates,
    each candidate's verdict with its checkable conditions and the questions for the council, and the next
    milestones. Eight queries."""
    (case,) = person_cases([person], year=year, as_of=as_of)
    answer = evaluate(case)
    gates: dict[str, dict] = {}
    results = []
    for result in answer["results"]:
        for c in result["conditions"]:
            if c["id"] in GATE_CONDITIONS and c["met"] is False and c["id"] not in gates:
                gates[c["id"]] = {**c, "verified": result["verified"]}
        reason = first_reason(result)
        results.append(
            {
                **result,
                "label": LABELS_VI.get(result["candidate"], result["candidate"]),
                "verdict_label": Verdict(result["verdict"]).label,
                "checkable": [c for c in result["conditions"] if not c["judgement"]],
                "questions": [c for c in result["conditions"] if c["judgement"]],
                "first_reason": reason,
            }
        )
    leaves = list(
        Leave.objects.filter(person=person, start__lte=dt.date(year, 12, 31), end__gte=dt.date(year, 1, 1))
    )
    absence = _absence_gate(leaves, year=year, as_of=as_of)
    milestones = [
        {**m, "label": LABELS_VI.get(m["candidate"], m["candidate"])} for m in next_milestones(case)
    ]
    return {
        "year": year,
        "as_of": as_of,
        "gates": [*gates.values(), *([absence] if absence else [])],
        "results": results,
        "milestones": milestones,
        "case": case,
    }


# -- the stored unit list -----------------------------------------------------------------------------


def eligibility_results(
    *, unit: Unit, year: int, filters: dict | None = None, department: Unit | None = None
) -> QuerySet[EligibilityResult]:
    """Stored results for the unit's subtree (or one department of it), collectives first, then people in
    Vietnamese name order, candidates in glossary order."""
    qs = EligibilityResult.objects.filter(year=year, home_path__startswith=(department or unit).path)
    for field, value in (filters or {}).items():
        if value not in (None, ""):
            qs = qs.filter(**{field: value})
    return qs.order_by("kind", "sort_key", "subject_code", "candidate_rank")


def eligibility_computed(*, unit: Unit, year: int) -> dict:
    """When the unit's stored results for the year were last judged (None when never) and on what date:
    the latest full recompute covering the unit (its own or an ancestor's) or the latest row written
    since (a record changed by hand)."""
    found = EligibilityResult.objects.filter(year=year, home_path__startswith=unit.path).aggregate(
        computed_at=Max("computed_at"), as_of=Max("as_of")
    )
    ancestors = [int(part) for part in unit.path.strip("/").split("/") if part]
    run = (
        EligibilityRun.objects.filter(year=year, unit_id__in=ancestors)
        .order_by("-computed_at")
        .values("computed_at", "as_of")
        .first()
    )
    if found["computed_at"] is None or run is None:
        return found
    return {
        "computed_at": max(found["computed_at"], run["computed_at"]),
        "as_of": max(found["as_of"], run["as_of"]),
    }
