"""Reads of movements: who sees which, lists, the plan tree, reporting units and target progress.

Visibility: a published (or closed) movement is seen in its launching unit's subtree and by every
unit below it ("published to me"); a draft only by those who may manage its launching unit.
Every read here takes a fixed number of queries whatever the number of movements, units or reports.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max, Min, Prefetch, Q, QuerySet

from tdkt.accounts.roles import MOVEMENTS_MANAGE, MOVEMENTS_REPORT, MOVEMENTS_VIEW
from tdkt.accounts.scope import has_perm, role_unit_paths, scope_unit_ids
from tdkt.core.text import sort_key
from tdkt.movements import computations
from tdkt.movements.models import (
    VISIBLE_BELOW_STATES,
    Movement,
    MovementState,
    PlanBasis,
    Reporter,
    Target,
    TargetKind,
    TargetReport,
)
from tdkt.movements.periods import Period, last_due_period, report_periods
from tdkt.org.models import Unit, UnitKind

# ---------------------------------------------------------------------------------------------
# Visibility
# ---------------------------------------------------------------------------------------------


def ancestor_unit_ids(user, perm: str = MOVEMENTS_VIEW) -> frozenset[int]:
    """Units above the user's role units (for `perm`): their published movements reach the user."""
    ids: set[int] = set()
    for path in role_unit_paths(user, perm):
        ids |= {int(part) for part in path.strip("/").split("/")[:-1]}
    return frozenset(ids)


def movements_visible(user) -> QuerySet[Movement]:
    if not has_perm(user, MOVEMENTS_VIEW):
        return Movement.objects.none()
    view = scope_unit_ids(user, MOVEMENTS_VIEW)
    above = ancestor_unit_ids(user)
    manage = scope_unit_ids(user, MOVEMENTS_MANAGE)
    published = Q(state__in=VISIBLE_BELOW_STATES) & (Q(unit_id__in=view) | Q(unit_id__in=above))
    return Movement.objects.filter(published | Q(state=MovementState.DRAFT, unit_id__in=manage))


RELATION_OWN = "own"
RELATION_RECEIVED = "received"


def movement_list(
    *, user, year: int | None = None, kind: str = "", state: str = "", relation: str = ""
) -> QuerySet[Movement]:
    """Visible movements, newest first, with their unit and plan; filters as on the list page."""
    qs = movements_visible(user)
    if year:
        qs = qs.filter(start__lte=dt.date(year, 12, 31), end__gte=dt.date(year, 1, 1))
    if kind:
        qs = qs.filter(kind=kind)
    if state:
        qs = qs.filter(state=state)
    if relation == RELATION_OWN:
        qs = qs.filter(unit_id__in=scope_unit_ids(user, MOVEMENTS_VIEW))
    elif relation == RELATION_RECEIVED:
        qs = qs.filter(unit_id__in=ancestor_unit_ids(user))
    return qs.select_related("unit", "plan", "parent__unit").order_by("-start", "path", "id")


def movement_years(user) -> list[int]:
    """Years covered by the movements the user sees, newest first (empty when none)."""
    bounds = movements_visible(user).aggregate(first=Min("start"), last=Max("end"))
    if bounds["first"] is None:
        return []
    return list(range(bounds["last"].year, bounds["first"].year - 1, -1))


def movement_detail_get(*, pk: int, qs: QuerySet[Movement]) -> Movement:
    """The movement with everything its page shows preloaded (raises Movement.DoesNotExist)."""
    return (
        qs.select_related("unit", "plan", "parent__unit", "parent__plan", "published_by", "closed_by")
        .prefetch_related(
            "phases",
            Prefetch("targets", queryset=Target.objects.select_related("reporter_unit", "source")),
            "plan__sections",
            Prefetch(
                "plan__basis_items",
                queryset=PlanBasis.objects.select_related("movement__plan", "movement__unit"),
            ),
            "plan__responsibilities__unit",
        )
        .get(pk=pk)
    )


# ---------------------------------------------------------------------------------------------
# The plan tree (Sở → hospital → department; outside plans cited by the root on top)
# ---------------------------------------------------------------------------------------------


@dataclass
class TreeNode:
    movement: Movement
    depth: int
    is_current: bool


def movement_tree(*, movement: Movement, user) -> list[TreeNode]:
    """The visible movements of `movement`'s tree, in tree order from its root down (one query).

    Siblings are ordered by launching unit, then start date. A movement the user may not see hides
    its subtree too (a sibling hospital's plans are not the user's to see); when the root itself is
    hidden, the tree starts at the highest visible movement.
    """
    nodes = list(
        movements_visible(user)
        .filter(path__startswith=f"/{movement.root_id}/")
        .select_related("unit", "plan")
    )
    by_parent: dict[int | None, list[Movement]] = {}
    ids = {m.pk for m in nodes}
    top = min((m.depth for m in nodes), default=0)
    for m in nodes:
        if m.depth == top or m.parent_id in ids:
            by_parent.setdefault(m.parent_id if m.depth > top else None, []).append(m)
    for siblings in by_parent.values():
        siblings.sort(key=lambda m: (unit_order(m.unit), m.start, m.pk))
    tree: list[TreeNode] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for m in by_parent.get(parent_id, []):
            tree.append(TreeNode(m, depth, m.pk == movement.pk))
            walk(m.pk, depth + 1)

    walk(None, 0)
    return tree


def outside_basis(*, tree: list[TreeNode]) -> list[PlanBasis]:
    """The outside documents (Ministry plans, directives) cited by the top of the tree."""
    if not tree:
        return []
    return list(PlanBasis.objects.filter(plan__movement_id=tree[0].movement.pk, movement__isnull=True))


# ---------------------------------------------------------------------------------------------
# Who reports
# ---------------------------------------------------------------------------------------------


def unit_order(unit: Unit) -> tuple:
    """Units in a stable, readable order on every database: shallower first, then by Vietnamese name."""
    return (unit.depth, sort_key(unit.name), unit.pk)


def _overlapping(qs: QuerySet[Unit], start: dt.date, end: dt.date) -> QuerySet[Unit]:
    return qs.filter(valid_from__lte=end).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))


def reporting_units_below(*, movement: Movement) -> list[Unit]:
    """The units directly below the launching unit during the movement, that report "each unit below".

    Under a Sở these are its institutions (hospitals, centres), not the Sở's own offices; under a
    hospital or centre, its departments and commune stations.
    """
    children = sorted(
        _overlapping(movement.unit.children.all(), movement.start, movement.end), key=unit_order
    )
    institutions = [u for u in children if u.kind in UnitKind.institution_kinds()]
    return institutions or children


def target_reporters(target: Target, *, movement: Movement, below: list[Unit]) -> list[Unit]:
    if target.reporter == Reporter.ISSUER:
        return [movement.unit]
    if target.reporter == Reporter.NAMED_UNIT:
        return [target.reporter_unit] if target.reporter_unit_id else []
    return below


def unit_expected_in(unit: Unit, period: Period) -> bool:
    """A unit reports for the periods that end while it exists."""
    return unit.valid_from <= period.end and (unit.valid_to is None or unit.valid_to >= period.end)


def target_periods(target: Target, *, movement: Movement) -> list[Period]:
    return report_periods(frequency=target.frequency, start=movement.start, end=movement.end)


# ---------------------------------------------------------------------------------------------
# Progress: each unit's latest value, met or not, late or not
# ---------------------------------------------------------------------------------------------


@dataclass
class Cell:
    target: Target
    unit: Unit
    applicable: bool = True
    value: Decimal | None = None
    period: Period | None = None  # the period of the value shown
    report: TargetReport | None = None
    met: bool | None = None
    late: bool = False
    due_period: Period | None = None  # the last period a report was due for
    can_report: bool = False
    computed: bool = False


@dataclass
class TargetSummary:
    target: Target
    units: int = 0
    with_value: int = 0
    met: int = 0
    late: int = 0


@dataclass
class Progress:
    targets: list[Target]
    units: list[Unit]
    rows: list[tuple[Unit, list[Cell]]] = field(default_factory=list)
    summaries: list[TargetSummary] = field(default_factory=list)
    as_of: dt.date | None = None

    @property
    def late_units(self) -> list[Unit]:
        return [unit for unit, cells in self.rows if any(c.late for c in cells)]


def target_progress(*, movement: Movement, user, today: dt.date) -> Progress:
    """Per unit × target: the latest value, whether it meets the threshold, and who is late.

    Rows are the units that report for some target, limited to the user's scope (the Sở sees every
    unit, a hospital its own row). Late: no report for the last period whose report was due by
    `today` (period end + the target's days to report), while the movement is published.
    Computed targets take their value as of `today` (or the movement's end) from the registry.
    """
    targets = list(movement.targets.select_related("reporter_unit").order_by("order", "id"))
    below = reporting_units_below(movement=movement)
    scope = scope_unit_ids(user, MOVEMENTS_VIEW)
    report_scope = scope_unit_ids(user, MOVEMENTS_REPORT) if movement.is_published else frozenset()
    reporters = {t.pk: target_reporters(t, movement=movement, below=below) for t in targets}
    units: dict[int, Unit] = {}
    for t in targets:
        for u in reporters[t.pk]:
            if u.pk in scope:
                units.setdefault(u.pk, u)
    row_units = sorted(units.values(), key=lambda u: (u.pk != movement.unit_id, unit_order(u)))
    as_of = min(today, movement.end)
    progress = Progress(targets=targets, units=row_units, as_of=as_of)

    latest: dict[tuple[int, int], TargetReport] = {}
    periods_done: set[tuple[int, int, dt.date]] = set()
    for report in TargetReport.objects.filter(target__movement=movement, unit_id__in=list(units)).order_by(
        "period_end", "id"
    ):
        latest[(report.target_id, report.unit_id)] = report
        periods_done.add((report.target_id, report.unit_id, report.period_start))

    computed_values: dict[int, dict[int, Decimal | None]] = {}
    as_of_period = Period(movement.start, as_of, "")
    for t in targets:
        if t.kind == TargetKind.COMPUTED and units:
            t.movement = movement
            wanted = [u for u in reporters[t.pk] if u.pk in units]
            computed_values[t.pk] = computations.compute(target=t, units=wanted, period=as_of_period)

    periods = {t.pk: target_periods(t, movement=movement) for t in targets}
    summaries = {t.pk: TargetSummary(t) for t in targets}
    for unit in row_units:
        cells = []
        for t in targets:
            cell = Cell(target=t, unit=unit)
            if unit not in reporters[t.pk]:
                cell.applicable = False
                cells.append(cell)
                continue
            summary = summaries[t.pk]
            summary.units += 1
            if t.kind == TargetKind.COMPUTED:
                cell.computed = True
                cell.value = computed_values.get(t.pk, {}).get(unit.pk)
                cell.period = as_of_period
            else:
                report = latest.get((t.pk, unit.pk))
                if report is not None:
                    cell.report, cell.value = report, report.value
                    cell.period = next((p for p in periods[t.pk] if p.start == report.period_start), None)
                unit_periods = [p for p in periods[t.pk] if unit_expected_in(unit, p)]
                cell.due_period = last_due_period(unit_periods, due_days=t.due_days, today=today)
                cell.late = (
                    movement.is_published
                    and cell.due_period is not None
                    and (t.pk, unit.pk, cell.due_period.start) not in periods_done
                )
                cell.can_report = unit.pk in report_scope and bool(unit_periods)
            cell.met = t.is_met(cell.value)
            summary.with_value += cell.value is not None
            summary.met += cell.met is True
            summary.late += cell.late
            cells.append(cell)
        progress.rows.append((unit, cells))
    progress.summaries = [summaries[t.pk] for t in targets]
    return progress


def target_unit_reports(*, target: Target, unit: Unit) -> list[TargetReport]:
    return list(
        TargetReport.objects.filter(target=target, unit=unit)
        .select_related("reported_by")
        .order_by("period_start")
    )


def target_report_units(*, target: Target, user) -> list[Unit]:
    """The units the user may report for on `target` (its reporters within the user's report scope)."""
    movement = target.movement
    if not movement.is_published or target.kind != TargetKind.REPORTED:
        return []
    scope = scope_unit_ids(user, MOVEMENTS_REPORT)
    below = reporting_units_below(movement=movement) if target.reporter == Reporter.UNITS_BELOW else []
    return [u for u in target_reporters(target, movement=movement, below=below) if u.pk in scope]


# ---------------------------------------------------------------------------------------------
# Choices for the plan form
# ---------------------------------------------------------------------------------------------


def parent_choices(*, user) -> list[Movement]:
    """Published movements the user sees that a plan of theirs may derive from or cite."""
    return list(
        movements_visible(user)
        .filter(state__in=VISIBLE_BELOW_STATES)
        .select_related("unit", "plan")
        .order_by("-start", "path")
    )


def launching_units(*, user) -> list[Unit]:
    """Units the user may launch a movement for: current units in their manage scope."""
    ids = scope_unit_ids(user, MOVEMENTS_MANAGE)
    return list(Unit.objects.filter(id__in=ids, valid_to__isnull=True).order_by("path"))


def derive_initial(*, parent: Movement) -> dict:
    """What a plan derived from `parent` starts with: its kind, dates, theme, phases and targets
    (as proposals the officer edits) and the parent as its basis."""
    plan = parent.plan
    return {
        "plan": {
            "kind": parent.kind,
            "name": parent.name,
            "theme": parent.theme,
            "start": parent.start,
            "end": parent.end,
            "place": plan.place,
            "symbol": "KH-",
        },
        "phases": [
            {
                "name": p.name,
                "start": p.start,
                "end": p.end,
                "theme": p.theme,
                "description": p.description,
                "commemorations": list(p.commemorations),
            }
            for p in parent.phases.all()
        ],
        "targets": [
            {
                "indicator": t.indicator,
                "unit_of_measure": t.unit_of_measure,
                "comparator": t.comparator,
                "threshold": t.threshold,
                "direction": t.direction,
                "frequency": t.frequency,
                "kind": t.kind,
                "computation": t.computation,
                "reporter": Reporter.UNITS_BELOW if t.reporter == Reporter.NAMED_UNIT else t.reporter,
                "due_days": t.due_days,
                "source_id": t.pk,
            }
            for t in parent.targets.all()
        ],
        "basis": [{"verb": "implementing", "movement_id": parent.pk}],
    }
