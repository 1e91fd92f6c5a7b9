"""Reads of the records for pages: a person's record by year and a collective's ratings, each entry with
its evidence files. Fixed query counts whatever the number of records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from tdkt.attachments.selectors import attachments_attach
from tdkt.law.vocabulary import LABELS_VI, PERSON_TITLES
from tdkt.org.models import Unit
from tdkt.people.models import Employment, Person
from tdkt.records.models import (
    Achievement,
    AnnualRating,
    CollectiveRating,
    ConferredAward,
    Discipline,
    Leave,
    Review,
)

TIMELINE_FIRST_YEAR = 2019  # the person page shows from here, or from the first record if earlier


@dataclass
class RecordYear:
    year: int
    rating: AnnualRating | None = None
    titles: list = field(default_factory=list)
    awards: list = field(default_factory=list)
    achievements: list = field(default_factory=list)
    disciplines: list = field(default_factory=list)
    reviews: list = field(default_factory=list)
    leaves: list = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.rating
            or self.titles
            or self.awards
            or self.achievements
            or self.disciplines
            or self.reviews
            or self.leaves
        )


def _touched_years(start: dt.date, end: dt.date | None, years: range) -> list[int]:
    last = end.year if end else years[-1]
    return [y for y in years if start.year <= y <= last]


def person_records_get(*, person: Person, today: dt.date) -> list[RecordYear]:
    """The person's records year by year, newest first, from 2019 (or their first record) to this year.
    Periods (discipline, reviews, leave) show in every year they touch; every rating, award and
    initiative carries `attachment_list`. Eight queries."""
    ratings = list(AnnualRating.objects.filter(person=person).select_related("unit"))
    # revoked awards too, shown as revoked with the decision that revoked them (they count for nothing)
    awards = list(ConferredAward.all_objects.filter(person=person).order_by("decision_date", "id"))
    achievements = list(
        Achievement.objects.filter(authors=person)
        .select_related("unit")
        .prefetch_related(Prefetch("authors", queryset=Person.objects.order_by("sort_key", "id")))
        .order_by("kind", "id")
    )
    disciplines = list(Discipline.objects.filter(person=person).order_by("start", "id"))
    reviews = list(Review.objects.filter(person=person).order_by("start", "id"))
    leaves = list(Leave.objects.filter(person=person).order_by("start", "id"))
    attachments_attach([*ratings, *awards, *achievements])

    starts = [r.year for r in ratings] + [a.year for a in awards] + [a.year for a in achievements]
    starts += [p.start.year for p in (*disciplines, *reviews, *leaves)]
    first = min([TIMELINE_FIRST_YEAR, *starts])
    last = max([today.year, *starts])
    years = range(first, last + 1)
    timeline = {y: RecordYear(y) for y in years}
    for rating in ratings:
        timeline[rating.year].rating = rating
    for award in awards:
        award.label = LABELS_VI.get(award.candidate, award.candidate)
        award.is_title = award.candidate in PERSON_TITLES
        year = timeline[award.year]
        (year.titles if award.is_title else year.awards).append(award)
    for achievement in achievements:
        timeline[achievement.year].achievements.append(achievement)
    for name, periods in (("disciplines", disciplines), ("reviews", reviews), ("leaves", leaves)):
        for period in periods:
            for y in _touched_years(period.start, period.end, years):
                getattr(timeline[y], name).append(period)
    return [timeline[y] for y in reversed(years)]


def collective_ratings_get(*, unit: Unit) -> list[CollectiveRating]:
    """The collective's ratings, newest first, each with `attachment_list`. Two queries."""
    ratings = list(CollectiveRating.objects.filter(unit=unit).order_by("-year"))
    attachments_attach(ratings)
    return ratings


def _posts(person: Person, unit_ids, *, first: dt.date | None, last: dt.date) -> list[Employment]:
    """The person's posts in these units that overlap [first, last], latest first (a person has few)."""
    posts = Employment.objects.filter(person=person, start__lte=last)
    if first is not None:
        posts = posts.filter(Q(end__isnull=True) | Q(end__gte=first))
    return [
        p
        for p in posts.order_by("-start", "-id")
        if p.unit_id in unit_ids or (p.department_id and p.department_id in unit_ids)
    ]


def rating_unit_for(*, person: Person, year: int, unit_ids) -> int | None:
    """The institution of the person's last post during `year` in these units (where they were rated)."""
    posts = _posts(person, unit_ids, first=dt.date(year, 1, 1), last=dt.date(year, 12, 31))
    return posts[0].unit_id if posts else None


def current_institution_for(*, person: Person, unit_ids, today: dt.date) -> int | None:
    """The institution of the person's latest post in these units (the default for a new initiative)."""
    posts = _posts(person, unit_ids, first=None, last=today)
    return posts[0].unit_id if posts else None
