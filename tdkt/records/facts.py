"""Records → the law engine's facts (shared/domain/case-format.md). Set-based: one query per record type
for a whole population, whatever its size."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from django.db.models import Exists, Min, OuterRef, Q

from tdkt.law import facts as law
from tdkt.org.models import Unit
from tdkt.people.models import Employment
from tdkt.records.models import (
    WARNING_OR_ABOVE,
    Achievement,
    AnnualRating,
    CollectiveRating,
    ConferredAward,
    Discipline,
    Review,
)

FIRST_YEAR = 2017  # old-regime history is read from here (rules start 2017-10-01)
PERSON_TITLES = {
    "advanced_worker",
    "grassroots_emulation_fighter",
    "provincial_emulation_fighter",
    "national_emulation_fighter",
}
COLLECTIVE_TITLES = {
    "advanced_collective",
    "excellent_collective",
    "provincial_emulation_flag",
    "government_emulation_flag",
}


class PersonFacts(Protocol):
    """What the facts read of a person: a Person, or a lighter row with the same attributes."""

    pk: int
    cccd: str
    gender: str
    is_manager: bool | None
    health_sector_since: dt.date


def _overlaps(start: dt.date, end: dt.date | None, year: int, as_of: dt.date) -> bool:
    first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of)
    return start <= last and (end is None or end >= first)


@dataclass
class _PersonReads:
    """Everything the engine reads about a set of people, by person id: one query per record type."""

    ratings: dict = field(default_factory=lambda: defaultdict(dict))  # pid → year → rating
    titles: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    awards: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))  # (form, cat, date)
    achievements: dict = field(  # pid → year → "initiatives" / "research" → [(scope, recognised on)]
        default_factory=lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    )
    disciplines: dict = field(default_factory=lambda: defaultdict(list))  # pid → [(level, start, end)]
    reviews: dict = field(default_factory=lambda: defaultdict(list))  # pid → [(start, end)]
    first_post: dict = field(default_factory=dict)

    def disciplines_in(self, pid: int, year: int, as_of: dt.date) -> list[tuple]:
        """(level, start, end) of the person's discipline periods touching the year."""
        found = self.disciplines.get(pid)
        return [d for d in found if _overlaps(d[1], d[2], year, as_of)] if found else []

    def under_review_in(self, pid: int, year: int, as_of: dt.date) -> bool:
        return any(_overlaps(start, end, year, as_of) for start, end in self.reviews.get(pid, ()))

    def employed_since(self, person: PersonFacts) -> dt.date:
        return self.first_post.get(person.pk) or person.health_sector_since


def _read_people(ids: list[int], *, years: range, as_of: dt.date) -> _PersonReads:
    reads = _PersonReads()
    for pid, y, rating in AnnualRating.objects.filter(person_id__any=ids, year__in=years).values_list(
        "person_id", "year", "rating"
    ):
        reads.ratings[pid][y] = rating
    for pid, y, candidate, category, decided in ConferredAward.objects.filter(
        person_id__any=ids, year__in=years
    ).values_list("person_id", "year", "candidate", "category", "decision_date"):
        if candidate in PERSON_TITLES:
            reads.titles[pid][y].add(candidate)
        else:
            reads.awards[pid][y].append((candidate, category, decided))
    # Two plain reads rather than a join: SQLite would walk the year's works and probe every listed person.
    links = list(
        Achievement.authors.through.objects.filter(person_id__any=ids).values_list(
            "person_id", "achievement_id"
        )
    )
    works = {
        pk: rest
        for pk, *rest in Achievement.objects.filter(
            pk__any=sorted({a for _, a in links}), year__in=years
        ).values_list("pk", "kind", "scope", "year", "decision_date")
    }
    for pid, achievement_id in links:
        if achievement_id not in works:
            continue
        kind, scope, y, decided = works[achievement_id]
        key = "initiatives" if kind == "initiative" else "research"
        reads.achievements[pid][y][key].append((scope, decided))
    for pid, level, start, end in (
        Discipline.objects.filter(person_id__any=ids, start__lte=as_of)
        .order_by("start", "pk")
        .values_list("person_id", "level", "start", "end")
    ):
        reads.disciplines[pid].append((level, start, end))
    for pid, start, end in (
        Review.objects.filter(person_id__any=ids, start__lte=as_of)
        .filter(Q(end__isnull=True) | Q(end__gte=dt.date(FIRST_YEAR, 1, 1)))
        .values_list("person_id", "start", "end")
    ):
        reads.reviews[pid].append((start, end))
    reads.first_post = dict(
        Employment.objects.filter(person_id__any=ids)
        .order_by()
        .values("person_id")
        .annotate(first=Min("start"))
        .values_list("person_id", "first")
    )
    return reads


def person_cases(
    people: Iterable[PersonFacts], *, year: int, as_of: dt.date, candidates: list[str] | None = None
) -> list[dict]:
    """One case per person for `year` reviewed on `as_of`, with their history from FIRST_YEAR
    (shared/domain/case-format.md: what evidence snapshots keep and the engine's CLI reads)."""
    people = list(people)
    years = range(FIRST_YEAR, year + 1)
    reads = _read_people([p.pk for p in people], years=years, as_of=as_of)
    cases = []
    for p in people:
        history = []
        for y in years:
            entry: dict = {"year": y}
            if y in reads.ratings[p.pk]:
                entry["rating"] = reads.ratings[p.pk][y]
            if reads.titles[p.pk].get(y):
                entry["titles"] = sorted(reads.titles[p.pk][y])
            for form, category, decided in reads.awards[p.pk].get(y, ()):
                award = {"form": form, "category": category}
                if decided:
                    award["decided_on"] = decided.isoformat()
                entry.setdefault("awards", []).append(award)
            for key, items in reads.achievements[p.pk].get(y, {}).items():
                entry[key] = [
                    {"scope": scope, **({"recognised_on": d.isoformat()} if d else {})} for scope, d in items
                ]
            touching = reads.disciplines_in(p.pk, y, as_of)
            if touching:
                entry["discipline"] = [
                    {"level": level, "from": start.isoformat(), **({"to": end.isoformat()} if end else {})}
                    for level, start, end in touching
                ]
            if reads.under_review_in(p.pk, y, as_of):
                entry["under_review"] = True
            if len(entry) > 1:
                history.append(entry)
        since = reads.employed_since(p)
        case = {
            "as_of": as_of.isoformat(),
            "year": year,
            "subject": {
                "kind": "person",
                "id": p.cccd,
                "gender": p.gender,
                "is_manager": p.is_manager,
                "employed_since": since.isoformat(),
                "health_sector_since": p.health_sector_since.isoformat(),
                "history": history,
            },
        }
        if candidates is not None:
            case["candidates"] = list(candidates)
        cases.append(case)
    return cases


def person_subjects(people: Iterable[PersonFacts], *, year: int, as_of: dt.date) -> list[law.Subject]:
    """The same people as the law engine's parsed subjects, built straight from the rows (what
    `parse_case(person_cases(...)[i]).subject` gives, without the JSON round trip): the batch run's input."""
    people = list(people)
    years = range(FIRST_YEAR, year + 1)
    reads = _read_people([p.pk for p in people], years=years, as_of=as_of)
    subjects = []
    plain_years: dict[tuple, law.Year] = {}

    def plain(y: int, rating: str | None, held: set | None) -> law.Year:
        """A year holding a rating and titles only (most years): shared, since law.Year is frozen."""
        key = (y, rating, frozenset(held) if held else frozenset())
        found = plain_years.get(key)
        if found is None:
            found = plain_years[key] = law.Year(year=y, rating=rating, titles=key[2])
        return found

    for p in people:
        pid = p.pk
        ratings, titles = reads.ratings.get(pid, {}), reads.titles.get(pid, {})
        awards, achievements = reads.awards.get(pid, {}), reads.achievements.get(pid, {})
        if not (awards or achievements or pid in reads.disciplines or pid in reads.reviews):
            history = {
                y: plain(y, ratings.get(y), titles.get(y)) for y in years if y in ratings or titles.get(y)
            }
            subjects.append(_person_subject(p, history, reads))
            continue
        history = {}
        for y in years:
            done = achievements.get(y)
            periods = reads.disciplines_in(pid, y, as_of)
            touching = (
                tuple(law.Discipline(level=lv, start=a, end=b) for lv, a, b in periods) if periods else ()
            )
            reviewed = reads.under_review_in(pid, y, as_of)
            held = titles.get(y)
            if not (awards.get(y) or done or touching or reviewed):
                if y in ratings or held:  # else nothing recorded that year: no entry, as in the case
                    history[y] = plain(y, ratings.get(y), held)
                continue
            done = done or {}
            history[y] = law.Year(
                year=y,
                rating=ratings.get(y),
                titles=frozenset(held or ()),
                awards=tuple(
                    law.Award(form=form, decided_on=decided, category=category)
                    for form, category, decided in awards.get(y, ())
                ),
                initiatives=tuple(
                    law.Achievement(scope=s, recognised_on=d) for s, d in done.get("initiatives", ())
                ),
                research=tuple(
                    law.Achievement(scope=s, recognised_on=d) for s, d in done.get("research", ())
                ),
                discipline=touching,
                under_review=reviewed,
            )
        subjects.append(_person_subject(p, history, reads))
    return subjects


def _person_subject(p: PersonFacts, history: dict, reads: _PersonReads) -> law.Subject:
    return law.Subject(
        kind="person",
        id=p.cccd,
        history=history,
        gender=p.gender,
        is_manager=p.is_manager,
        employed_since=reads.employed_since(p),
        health_sector_since=p.health_sector_since,
    )


def collective_members(units: Iterable[Unit], *, year: int) -> dict[int, dict]:
    """Member figures of each unit for `year`, computed from its members' records (never typed):
    members are people with a post in the unit (or in a department under it) during the year."""
    units = list(units)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    members: dict[int, set[int]] = {}
    ids = [u.pk for u in units]
    posts = (
        Employment.objects.filter(start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .filter(Q(unit_id__in=ids) | Q(department_id__in=ids))  # only the posts of these units
    )
    for unit in units:
        members[unit.pk] = set()
    by_unit = defaultdict(set)
    for pid, unit_id, dept_id in posts.values_list("person_id", "unit_id", "department_id"):
        by_unit[unit_id].add(pid)
        if dept_id:
            by_unit[dept_id].add(pid)
    for unit in units:
        members[unit.pk] = by_unit.get(unit.pk, set())
    member = Exists(posts.filter(person_id=OuterRef("person_id")))  # a semi-join: no list of ids travels
    rated = dict(AnnualRating.objects.filter(member, year=year).values_list("person_id", "rating"))
    titles = defaultdict(set)
    for pid, candidate in ConferredAward.objects.filter(
        member, year=year, candidate__in=PERSON_TITLES
    ).values_list("person_id", "candidate"):
        titles[pid].add(candidate)
    disciplined = set(
        Discipline.objects.filter(member, level__in=WARNING_OR_ABOVE, start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .values_list("person_id", flat=True)
    )
    figures = {}
    for unit in units:
        ids = members[unit.pk]
        figures[unit.pk] = {
            "total": len(ids),
            "completed_tasks": sum(1 for i in ids if rated.get(i) in {"excellent", "good", "completed"}),
            "advanced_workers": sum(1 for i in ids if "advanced_worker" in titles[i]),
            "grassroots_emulation_fighters": sum(
                1 for i in ids if "grassroots_emulation_fighter" in titles[i]
            ),
            "disciplined_warning_or_above": len(ids & disciplined),
        }
    return figures


def collective_cases(
    units: Iterable[Unit], *, year: int, as_of: dt.date, candidates: list[str] | None = None
) -> list[dict]:
    """One case per collective: its own ratings and titles by year, members computed for each year."""
    units = list(units)
    ids = [u.pk for u in units]
    years = range(FIRST_YEAR, year + 1)
    ratings = defaultdict(dict)
    for uid, y, rating in CollectiveRating.objects.filter(unit_id__in=ids, year__in=years).values_list(
        "unit_id", "year", "rating"
    ):
        ratings[uid][y] = rating
    titles = defaultdict(lambda: defaultdict(set))
    awards = defaultdict(lambda: defaultdict(list))
    for uid, y, candidate, category, decided in ConferredAward.objects.filter(
        unit_id__in=ids, year__in=years
    ).values_list("unit_id", "year", "candidate", "category", "decision_date"):
        if candidate in COLLECTIVE_TITLES:
            titles[uid][y].add(candidate)
        else:
            awards[uid][y].append(
                {
                    "form": candidate,
                    "category": category,
                    **({"decided_on": decided.isoformat()} if decided else {}),
                }
            )
    under_review = set(
        Review.objects.filter(unit_id__in=ids, start__lte=as_of)
        .filter(Q(end__isnull=True) | Q(end__gte=dt.date(year, 1, 1)))
        .values_list("unit_id", flat=True)
    )
    members_by_year = {y: collective_members(units, year=y) for y in (year - 1, year)}
    cases = []
    for u in units:
        history = []
        for y in years:
            entry: dict = {"year": y}
            if y in ratings[u.pk]:
                entry["rating"] = ratings[u.pk][y]
            if titles[u.pk].get(y):
                entry["titles"] = sorted(titles[u.pk][y])
            if awards[u.pk].get(y):
                entry["awards"] = awards[u.pk][y]
            if y in members_by_year and members_by_year[y][u.pk]["total"]:
                entry["members"] = members_by_year[y][u.pk]
            if y == year and u.pk in under_review:
                entry["under_review"] = True
            if len(entry) > 1:
                history.append(entry)
        case = {
            "as_of": as_of.isoformat(),
            "year": year,
            "subject": {"kind": "collective", "id": u.code, "history": history},
        }
        if candidates is not None:
            case["candidates"] = list(candidates)
        cases.append(case)
    return cases
