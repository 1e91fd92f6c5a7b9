"""Reads of people: scoped lists, search, history. Fixed query counts whatever the size."""

import datetime as dt

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from tdkt.core.text import fold
from tdkt.people.models import Employment, Person


def people_in_units(unit_ids, *, on: dt.date | None = None) -> QuerySet[Person]:
    """People with a post in `unit_ids` (institution or department): on `on` if given, else ever."""
    posts = Employment.objects.filter(
        Q(unit_id__in=unit_ids) | Q(department_id__in=unit_ids), person_id=OuterRef("pk")
    )
    if on is not None:
        posts = posts.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))
    return Person.objects.filter(Exists(posts))


def people_search(qs: QuerySet[Person], query: str) -> QuerySet[Person]:
    """Accent-insensitive search on name (every word must match) or exact CCCD."""
    query = (query or "").strip()
    if not query:
        return qs
    if query.isdigit():
        return qs.filter(cccd__startswith=query)
    for word in fold(query).split(" "):
        qs = qs.filter(search_text__contains=word)
    return qs


def people_list(
    *, unit_ids, on: dt.date, query: str = "", include_former: bool = False, filters: dict | None = None
) -> QuerySet[Person]:
    """The people list of a scope, in Vietnamese order, each with their current post preloaded."""
    qs = people_in_units(unit_ids, on=None if include_former else on)
    qs = people_search(qs, query)
    for field, value in (filters or {}).items():
        if value not in (None, ""):
            qs = qs.filter(**{field: value})
    current = Employment.objects.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))
    return qs.order_by("sort_key", "id").prefetch_related(
        Prefetch(
            "employments", queryset=current.select_related("unit", "department"), to_attr="current_posts"
        )
    )


def person_history_get(*, person_id: int) -> list[Employment]:
    """Every post of a person, oldest first, with units and their successors."""
    return list(
        Employment.objects.filter(person_id=person_id)
        .select_related("unit", "department")
        .prefetch_related("unit__successions_out__successor")
        .order_by("start", "id")
    )
