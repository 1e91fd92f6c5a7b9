"""Reads of the organisation."""

import datetime as dt

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from tdkt.org.models import Bloc, Unit, UnitSuccession
from tdkt.people.models import Employment


def unit_tree(*, unit_ids, on: dt.date | None = None) -> list[Unit]:
    """Units in `unit_ids` in tree order with their staff count (posts on `on`, or ever); valid on `on`."""
    qs: QuerySet[Unit] = Unit.objects.filter(id__in=unit_ids)
    posts = Employment.objects.all()
    if on is not None:
        qs = qs.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        posts = posts.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))
    # staff of an institution are posted to it; staff of a department or station name it as department
    by_unit = posts.filter(unit=OuterRef("pk")).values("unit").annotate(n=Count("id")).values("n")
    by_dept = posts.filter(department=OuterRef("pk")).values("department").annotate(n=Count("id")).values("n")
    staff = Coalesce(Subquery(by_unit), 0) + Coalesce(Subquery(by_dept), 0)
    return list(qs.annotate(staff_count=staff).order_by("path"))


def unit_lineage(*, unit: Unit) -> dict:
    """What the unit came from and what it became (one level each way)."""
    links = UnitSuccession.objects.filter(Q(predecessor=unit) | Q(successor=unit)).select_related(
        "predecessor", "successor"
    )
    return {
        "predecessors": [link for link in links if link.successor_id == unit.pk],
        "successors": [link for link in links if link.predecessor_id == unit.pk],
    }


def unit_on(*, unit: Unit, day: dt.date) -> Unit:
    """The unit that carried `unit`'s work on `day`: itself if valid then, else its successor chain."""
    current = unit
    seen = {unit.pk}
    while not current.is_valid_on(day) and current.valid_to and current.valid_to < day:
        link = (
            UnitSuccession.objects.filter(predecessor=current, effective_on__lte=day)
            .select_related("successor")
            .order_by("-effective_on")
            .first()
        )
        if link is None or link.successor_id in seen:
            break
        seen.add(link.successor_id)
        current = link.successor
    return current


def blocs_for_units(*, unit_ids, year: int | None = None) -> list[Bloc]:
    qs = Bloc.objects.filter(Q(owner_id__in=unit_ids) | Q(memberships__unit_id__in=unit_ids)).distinct()
    if year:
        qs = qs.filter(year=year)
    return list(qs.select_related("owner").prefetch_related("memberships__unit").order_by("-year", "name"))
