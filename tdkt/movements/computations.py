"""Computed targets: values tdkt works out itself instead of waiting for a report.

A computation is a function registered under a code; a `Target(kind="computed", computation=code)`
takes its value from it. The function receives the target, the units to compute for and the
period, and answers {unit_id: value or None} for all of them at once, in a fixed number of queries
whatever the number of units (the dashboard calls it once per computed target).

Other areas add theirs the same way, e.g. the share of staff who signed their pledge:

    @register_computation("pledge_signed_share", label=_("Share of staff who signed the pledge"))
    def pledge_signed_share(*, target, units, period): ...
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import Unit

ComputeFn = Callable[..., dict[int, Decimal | None]]


@dataclass(frozen=True)
class Computation:
    code: str
    label: Promise | str
    unit_of_measure: str
    function: ComputeFn


_REGISTRY: dict[str, Computation] = {}


def register_computation(code: str, *, label, unit_of_measure: str = "%"):
    """Decorator: make `function` the computation named `code` (codes are unique)."""

    def decorator(function: ComputeFn) -> ComputeFn:
        if code in _REGISTRY and _REGISTRY[code].function is not function:
            raise ValueError(f"A computation named {code!r} is already registered.")
        _REGISTRY[code] = Computation(code, label, unit_of_measure, function)
        return function

    return decorator


def get_computation(code: str) -> Computation | None:
    return _REGISTRY.get(code)


def computation_choices() -> list[tuple[str, str]]:
    return [(c.code, str(c.label)) for c in sorted(_REGISTRY.values(), key=lambda c: str(c.label))]


def compute(*, target, units: list[Unit], period) -> dict[int, Decimal | None]:
    """The values of computed `target` for `units` over `period` (None where nothing can be computed)."""
    computation = get_computation(target.computation)
    if computation is None:
        return {u.pk: None for u in units}
    values = computation.function(target=target, units=units, period=period)
    return {u.pk: values.get(u.pk) for u in units}


def share(part: int, whole: int) -> Decimal | None:
    """part / whole as a percentage with one decimal (None when whole is 0)."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def subtree_owner(units: Iterable[Unit]) -> dict[int, int]:
    """Every unit id at or below `units` → the id of the given unit it belongs to (the deepest one)."""
    units = sorted(units, key=lambda u: len(u.path))
    if not units:
        return {}
    cond = Q()
    for unit in units:
        cond |= Q(path__startswith=unit.path)
    owner: dict[int, int] = {}
    rows = list(Unit.objects.filter(cond).values_list("id", "path"))
    for unit in units:  # shallow first, so a deeper given unit takes over its own subtree
        for uid, path in rows:
            if path.startswith(unit.path):
                owner[uid] = unit.pk
    return owner


def _staff_by_owner(units: list[Unit], day) -> dict[int, set[int]]:
    """Ids of the people posted on `day` in each unit's subtree (institution or department posts)."""
    from tdkt.people.models import Employment

    owner = subtree_owner(units)
    staff: dict[int, set[int]] = defaultdict(set)
    posts = (
        Employment.objects.filter(Q(unit_id__in=owner) | Q(department_id__in=owner), start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .values_list("person_id", "unit_id", "department_id")
    )
    for person_id, unit_id, department_id in posts:
        # a department's own owner is the most precise; else the institution's
        key = owner.get(department_id) if department_id in owner else owner.get(unit_id)
        if key is not None:
            staff[key].add(person_id)
    return staff


@register_computation(
    "staff_rated_good_share",
    label=_("Share of staff rated “good” (HTTNV) or better for the year"),
    unit_of_measure="%",
)
def staff_rated_good_share(*, target, units: list[Unit], period) -> dict[int, Decimal | None]:
    """Of the people posted in each unit on the period's last day, the share whose rating for that
    year is good or excellent; None while nobody of the unit has been rated for the year."""
    from tdkt.records.models import AnnualRating, Rating

    staff = _staff_by_owner(units, period.end)
    everyone = set().union(*staff.values()) if staff else set()
    ratings = dict(
        AnnualRating.objects.filter(person_id__in=everyone, year=period.end.year).values_list(
            "person_id", "rating"
        )
    )
    good = {Rating.EXCELLENT, Rating.GOOD}
    values: dict[int, Decimal | None] = {}
    for unit in units:
        people = staff.get(unit.pk, set())
        rated = [p for p in people if p in ratings]
        values[unit.pk] = share(sum(1 for p in rated if ratings[p] in good), len(people)) if rated else None
    return values


@register_computation(
    "derived_plan_issued",
    label=_("Units below that issued their own plan for this movement"),
    unit_of_measure="%",
)
def derived_plan_issued(*, target, units: list[Unit], period) -> dict[int, Decimal | None]:
    """100 for a unit that published a plan derived from this movement (it or a unit inside it), else 0;
    for the launching unit itself, the share of the units directly below it that did."""
    from tdkt.movements.models import Movement, MovementState
    from tdkt.movements.selectors import reporting_units_below

    movement = target.movement
    issued_by = set(
        Movement.objects.filter(
            parent=movement, state__in=[MovementState.PUBLISHED, MovementState.CLOSED]
        ).values_list("unit__path", flat=True)
    )

    def issued(unit: Unit) -> bool:
        return any(path.startswith(unit.path) for path in issued_by)

    values: dict[int, Decimal | None] = {}
    below = None
    for unit in units:
        if unit.pk == movement.unit_id:
            below = below if below is not None else reporting_units_below(movement=movement)
            values[unit.pk] = share(sum(1 for u in below if issued(u)), len(below))
        else:
            values[unit.pk] = Decimal(100) if issued(unit) else Decimal(0)
    return values
