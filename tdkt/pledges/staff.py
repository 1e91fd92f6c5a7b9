"""Who is posted where on a day, for whole sets of units at once (the shares and the pledge rounds read it).

Every function here takes a fixed number of queries whatever the number of units or people.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from tdkt.core.text import sort_key
from tdkt.core.timeutil import VN
from tdkt.movements.computations import share, subtree_owner
from tdkt.org.models import Unit, UnitKind
from tdkt.people.models import Employment, Position

# The directorate receives pledges rather than makes them (Kế hoạch 001: "Lãnh đạo các Khoa, Phòng …
# ký cam kết với Ban Giám đốc").
DIRECTORATE = frozenset({Position.DIRECTOR, Position.DEPUTY_DIRECTOR})
HEADS = (Position.HEAD, Position.STATION_HEAD)


def current_posts(day: dt.date) -> QuerySet[Employment]:
    return Employment.objects.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))


def units_valid_on(qs: QuerySet[Unit], day: dt.date) -> QuerySet[Unit]:
    return qs.filter(valid_from__lte=day).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def people_by_unit(
    units: list[Unit], day: dt.date, *, without: frozenset[str] = frozenset()
) -> dict[int, set[int]]:
    """Each unit's id → the ids of the people posted on `day` in its subtree (institution or department
    posts), leaving out posts whose position is in `without`. A unit inside another given unit counts
    its own people; the outer one keeps the rest."""
    owner = subtree_owner(units)
    people: dict[int, set[int]] = defaultdict(set)
    if not owner:
        return people
    posts = (
        current_posts(day)
        .filter(Q(unit_id__in=owner) | Q(department_id__in=owner))
        .exclude(position__in=without)
        .values_list("person_id", "unit_id", "department_id")
    )
    for person_id, unit_id, department_id in posts:
        key = owner.get(department_id) if department_id in owner else owner.get(unit_id)
        if key is not None:
            people[key].add(person_id)
    return people


@dataclass(frozen=True)
class Post:
    person_id: int
    unit_id: int
    department_id: int | None
    position: str
    start: dt.date
    id: int


def institution_posts(unit: Unit, day: dt.date) -> list[Post]:
    """The posts at institution `unit` on `day`, newest first (one query)."""
    rows = (
        current_posts(day)
        .filter(unit=unit)
        .order_by("-start", "-id")
        .values_list("person_id", "unit_id", "department_id", "position", "start", "id")
    )
    return [Post(*row) for row in rows]


def posts_in_units(unit_ids: list[int], day: dt.date) -> list[Post]:
    """The posts at the institutions `unit_ids` on `day`, newest first (one query)."""
    rows = (
        current_posts(day)
        .filter(unit_id__in=unit_ids)
        .order_by("-start", "-id")
        .values_list("person_id", "unit_id", "department_id", "position", "start", "id")
    )
    return [Post(*row) for row in rows]


def pick_head(posts: list[Post]) -> Post | None:
    """The department's head (or station head); failing that, the deputy head in charge (newest post)."""
    for positions in (HEADS, (Position.DEPUTY_HEAD,)):
        found = [p for p in posts if p.position in positions]
        if found:
            return found[0]
    return None


def pick_director(posts: list[Post]) -> Post | None:
    """The institution's director; failing that, the deputy director in charge (newest post)."""
    for position in (Position.DIRECTOR, Position.DEPUTY_DIRECTOR):
        found = [p for p in posts if p.position == position]
        if found:
            return found[0]
    return None


def departments_of(unit: Unit, day: dt.date) -> list[Unit]:
    """The departments, offices and stations directly under institution `unit` on `day`, by name."""
    qs = units_valid_on(unit.children.exclude(kind__in=UnitKind.institution_kinds()), day)
    return sorted(qs, key=lambda u: (sort_key(u.name), u.pk))


@dataclass(frozen=True)
class Tally:
    """Of `expected` people, `done` did it (signed, registered); `share` in percent, None for nobody."""

    expected: int = 0
    done: int = 0

    @property
    def share(self) -> Decimal | None:
        return share(self.done, self.expected)


def end_of_day(day: dt.date) -> dt.datetime:
    """The first instant after `day` in Vietnam: "by the end of `day`" is "before this"."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=VN)
