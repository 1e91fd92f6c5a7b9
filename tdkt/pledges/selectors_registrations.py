"""Reads of registrations: a movement's list (its derived movements included), counts per title, the
share of staff registered, and the choices of the registration forms. Fixed query counts throughout.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from tdkt.accounts.roles import REGISTRATIONS_MANAGE, REGISTRATIONS_VIEW
from tdkt.accounts.scope import role_unit_paths, scope_unit_ids
from tdkt.core.text import fold, sort_key
from tdkt.law.vocabulary import CANDIDATES, LABELS_VI
from tdkt.movements.models import Movement
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.pledges.models import Registration
from tdkt.pledges.staff import Tally, current_posts, people_by_unit, units_valid_on

KIND_PERSON = "person"
KIND_COLLECTIVE = "collective"


def in_tree(movement: Movement) -> Q:
    """Registrations under `movement` or a movement derived from it."""
    return Q(movement__path__startswith=movement.path)


def unit_order(unit: Unit) -> tuple:
    return (unit.depth, sort_key(unit.name), unit.pk)


def registration_counts(
    *, movement: Movement, units: list[Unit], day: dt.date, until: dt.datetime | None = None
) -> dict[int, Tally]:
    """Each unit → of the people posted in it on `day`, how many registered for some title (before
    `until`, if given) under the movement or one derived from it. Three queries whatever the units."""
    people = people_by_unit(units, day)
    registrations = Registration.objects.filter(in_tree(movement), person__isnull=False)
    if until is not None:
        registrations = registrations.filter(registered_at__lt=until)
    registered = set(registrations.order_by().values_list("person_id", flat=True).distinct())
    tallies = {}
    for unit in units:
        posted = people.get(unit.pk, set())
        tallies[unit.pk] = Tally(expected=len(posted), done=len(posted & registered))
    return tallies


def registration_units(*, movement: Movement, user, perm: str = REGISTRATIONS_VIEW) -> list[Unit]:
    """Current units of the movement's subtree in the user's scope for `perm`, top first: the
    institutions when there are any (a department head's scope is only their department)."""
    scope = scope_unit_ids(user, perm)
    if not scope:
        return []
    qs = Unit.objects.filter(id__in=scope, path__startswith=movement.unit.path, valid_to__isnull=True)
    units = sorted(qs, key=unit_order)
    institutions = [u for u in units if u.is_institution]
    return institutions or units


def may_register_others(*, movement: Movement, user) -> bool:
    """Whether the user registers people or collectives of some unit of the movement (no query)."""
    path = movement.unit.path
    return any(p.startswith(path) or path.startswith(p) for p in role_unit_paths(user, REGISTRATIONS_MANAGE))


def units_below(unit: Unit) -> list[Unit]:
    """The current units under `unit` (departments, stations, and the institutions of a Sở)."""
    qs = Unit.objects.filter(path__startswith=unit.path, valid_to__isnull=True).exclude(pk=unit.pk)
    return sorted(qs, key=unit_order)


def registration_list(
    *,
    movement: Movement,
    unit: Unit,
    department: Unit | None = None,
    title: str = "",
    kind: str = "",
    query: str = "",
) -> QuerySet[Registration]:
    """The registrations of `unit`'s subtree (or `department`'s) under the movement and those derived
    from it: collectives first, then people in Vietnamese name order."""
    qs = Registration.objects.filter(in_tree(movement), home__path__startswith=(department or unit).path)
    if title:
        qs = qs.filter(title=title)
    if kind == KIND_PERSON:
        qs = qs.filter(person__isnull=False)
    elif kind == KIND_COLLECTIVE:
        qs = qs.filter(unit__isnull=False)
    query = (query or "").strip()
    if query:
        words = Q()
        for word in fold(query).split(" "):
            words &= Q(person__search_text__contains=word)
        qs = qs.filter(words | Q(unit__name__icontains=query))
    return qs.select_related("person", "unit", "home", "movement", "registered_by").order_by(
        F("person__sort_key").asc(nulls_first=True), "unit__path", "title", "id"
    )


@dataclass(frozen=True)
class TitleCount:
    title: str
    label: str
    people: int
    collectives: int


def registration_title_counts(qs: QuerySet[Registration]) -> list[TitleCount]:
    """How many people and collectives registered for each title in `qs` (one query), in the
    vocabulary's order."""
    rows = (
        qs.order_by()
        .values("title")
        .annotate(
            people=Count("id", filter=Q(person__isnull=False)),
            collectives=Count("id", filter=Q(unit__isnull=False)),
        )
    )
    rank = {c: i for i, c in enumerate(CANDIDATES)}
    counts = [
        TitleCount(r["title"], LABELS_VI.get(r["title"], r["title"]), r["people"], r["collectives"])
        for r in rows
    ]
    return sorted(counts, key=lambda c: rank.get(c.title, len(rank)))


def person_registrations(*, movement: Movement, person: Person) -> list[Registration]:
    """A person's registrations under the movement and those derived from it."""
    return list(
        Registration.objects.filter(in_tree(movement), person=person)
        .select_related("movement", "home", "registered_by")
        .order_by("registered_at", "id")
    )


def person_home(*, movement: Movement, person_id: int, day: dt.date) -> Unit | None:
    """Where the person works on `day` inside the movement's subtree: their department, else their
    institution (the newest post when they hold several)."""
    post = (
        current_posts(day)
        .filter(person_id=person_id)
        .filter(
            Q(unit__path__startswith=movement.unit.path) | Q(department__path__startswith=movement.unit.path)
        )
        .select_related("unit", "department")
        .order_by("-start", "-id")
        .first()
    )
    if post is None:
        return None
    return post.department or post.unit


def bulk_units(*, movement: Movement, user, day: dt.date) -> list[Unit]:
    """Units whose staff the user may register in bulk: current units of the movement's subtree in the
    user's REGISTRATIONS_MANAGE scope (departments, stations, and institutions for their directorate)."""
    scope = scope_unit_ids(user, REGISTRATIONS_MANAGE)
    if not scope:
        return []
    qs = units_valid_on(Unit.objects.filter(id__in=scope, path__startswith=movement.unit.path), day)
    return list(qs.order_by("path"))


def people_posted_in(*, unit: Unit, day: dt.date) -> list[Person]:
    """People posted directly in `unit` on `day` (in a department, or in an institution outside any
    department), in Vietnamese name order."""
    posts = current_posts(day)
    posts = (
        posts.filter(unit=unit, department__isnull=True)
        if unit.is_institution
        else posts.filter(department=unit)
    )
    return list(Person.objects.filter(pk__in=posts.values("person_id")).order_by("sort_key", "id"))


def registered_titles(*, movement: Movement, person_ids=None, unit_ids=None) -> dict[int, set[str]]:
    """Subject id → the titles it registered for under the movement's tree (people or collectives)."""
    found: dict[int, set[str]] = {}
    if person_ids is not None:
        rows = Registration.objects.filter(in_tree(movement), person_id__in=person_ids).values_list(
            "person_id", "title"
        )
    else:
        rows = Registration.objects.filter(in_tree(movement), unit_id__in=unit_ids).values_list(
            "unit_id", "title"
        )
    for subject_id, title in rows:
        found.setdefault(subject_id, set()).add(title)
    return found


def collective_units(*, movement: Movement, user, day: dt.date) -> list[Unit]:
    """Collectives the user may register: current units of the movement's subtree in their
    REGISTRATIONS_MANAGE scope, the launching unit excepted (it registers with the level above)."""
    scope = scope_unit_ids(user, REGISTRATIONS_MANAGE)
    if not scope:
        return []
    qs = units_valid_on(
        Unit.objects.filter(id__in=scope, path__startswith=movement.unit.path).exclude(pk=movement.unit_id),
        day,
    )
    return list(qs.order_by("path"))
