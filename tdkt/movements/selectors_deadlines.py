"""A user's upcoming deadlines: the phases of their movements that end, the target figures their unit owes,
the inspection follow-ups they own, the reviews their unit owes. Shown on the home page and sent by the
daily reminder e-mail. Scoped to the units where the user holds a role (not the whole subtree: a Sở
officer is not reminded of every hospital's figures) and to the actions the user owns.

A fixed number of queries per user, whatever the number of movements, targets or units.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.accounts.roles import MOVEMENTS_MANAGE, MOVEMENTS_REPORT
from tdkt.accounts.scope import role_unit_paths
from tdkt.core.timeutil import format_date
from tdkt.movements.models import (
    ActionStatus,
    FollowUpAction,
    InspectionState,
    Movement,
    MovementState,
    Phase,
    Reporter,
    Review,
    ReviewKind,
    ReviewState,
    Target,
    TargetKind,
    TargetReport,
)
from tdkt.movements.periods import report_periods
from tdkt.movements.selectors import unit_expected_in
from tdkt.org.models import Unit, UnitKind

HOME_HORIZON_DAYS = 14  # the home page looks two weeks ahead
REMINDER_HORIZON_DAYS = 7  # the e-mail, one week
# A sơ kết or tổng kết is expected within a fortnight of the end of what it reviews (the plans ask for
# reviews "kịp thời" without a figure; the unit may issue it sooner).
REVIEW_DUE_DAYS = 15

PHASE_END = "phase_end"
TARGET_REPORT = "target_report"
FOLLOW_UP = "follow_up"
REVIEW_DUE = "review"
KIND_LABELS = {
    PHASE_END: gettext_lazy("Phase ends"),
    TARGET_REPORT: gettext_lazy("Figure to report"),
    FOLLOW_UP: gettext_lazy("Inspection follow-up"),
    REVIEW_DUE: gettext_lazy("Review to issue"),
}


@dataclass(frozen=True)
class Deadline:
    kind: str
    due_on: dt.date
    title: str
    detail: str
    url: str
    overdue: bool

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])


def _role_unit_ids(user, perm: str) -> set[int]:
    return {int(path.strip("/").split("/")[-1]) for path in role_unit_paths(user, perm)}


def _ancestor_ids(user, perm: str) -> set[int]:
    ids: set[int] = set()
    for path in role_unit_paths(user, perm):
        ids |= {int(part) for part in path.strip("/").split("/")}
    return ids


def _phase_ends(user, today: dt.date, until: dt.date) -> list[Deadline]:
    """Phases ending soon of the published movements launched by the user's units or above them."""
    units = _ancestor_ids(user, MOVEMENTS_MANAGE) | _ancestor_ids(user, MOVEMENTS_REPORT)
    if not units:
        return []
    phases = Phase.objects.filter(
        movement__state=MovementState.PUBLISHED, movement__unit_id__in=units, end__gte=today, end__lte=until
    ).select_related("movement__unit")
    return [
        Deadline(
            PHASE_END,
            p.end,
            _("%(phase)s ends (%(start)s – %(end)s)")
            % {"phase": p.name, "start": format_date(p.start), "end": format_date(p.end)},
            f"{p.movement.name} · {p.movement.unit.name}",
            reverse("movements:detail", args=[p.movement_id]),
            False,
        )
        for p in phases
    ]


def _target_reports(user, today: dt.date, until: dt.date) -> list[Deadline]:
    """Figures the user's own units owe on published movements: the last period due and still missing
    (late), and each period falling due by `until` not reported yet."""
    ids = _role_unit_ids(user, MOVEMENTS_REPORT)
    if not ids:
        return []
    units = {u.pk: u for u in Unit.objects.filter(pk__in=ids)}
    parents = {u.parent_id for u in units.values() if u.parent_id}
    # Under a Sở only its institutions report "each unit below"; elsewhere every unit below does
    # (selectors.reporting_units_below).
    with_institutions = set(
        Unit.objects.filter(parent_id__in=parents, kind__in=UnitKind.institution_kinds()).values_list(
            "parent_id", flat=True
        )
    )
    below_of = {
        u.pk: u.parent_id
        for u in units.values()
        if u.parent_id and (u.kind in UnitKind.institution_kinds() or u.parent_id not in with_institutions)
    }
    targets = list(
        Target.objects.filter(kind=TargetKind.REPORTED, movement__state=MovementState.PUBLISHED)
        .filter(
            Q(reporter=Reporter.ISSUER, movement__unit_id__in=ids)
            | Q(reporter=Reporter.NAMED_UNIT, reporter_unit_id__in=ids)
            | Q(reporter=Reporter.UNITS_BELOW, movement__unit_id__in=set(below_of.values()))
        )
        .select_related("movement")
    )
    done = set(
        TargetReport.objects.filter(target__in=targets, unit_id__in=ids).values_list(
            "target_id", "unit_id", "period_start"
        )
    )
    deadlines = []
    for target in targets:
        movement = target.movement
        if target.reporter == Reporter.ISSUER:
            reporters = [movement.unit_id]
        elif target.reporter == Reporter.NAMED_UNIT:
            reporters = [target.reporter_unit_id]
        else:
            reporters = [uid for uid, parent in below_of.items() if parent == movement.unit_id]
        periods = report_periods(frequency=target.frequency, start=movement.start, end=movement.end)
        for unit_id in reporters:
            unit = units[unit_id]
            mine = [p for p in periods if unit_expected_in(unit, p)]
            past_due = [p for p in mine if p.due_on(target.due_days) < today]
            wanted = past_due[-1:] + [p for p in mine if today <= p.due_on(target.due_days) <= until]
            for period in wanted:
                if (target.pk, unit_id, period.start) in done:
                    continue
                due = period.due_on(target.due_days)
                deadlines.append(
                    Deadline(
                        TARGET_REPORT,
                        due,
                        _("Report “%(target)s” for %(period)s")
                        % {"target": target.indicator, "period": period.label},
                        f"{unit.name} · {movement.name}",
                        reverse("movements:report", args=[target.pk]) + f"?unit={unit_id}",
                        due < today,
                    )
                )
    return deadlines


def _follow_ups(user, today: dt.date, until: dt.date) -> list[Deadline]:
    actions = FollowUpAction.objects.filter(
        owner=user, status=ActionStatus.OPEN, inspection__state=InspectionState.OPEN, due_on__lte=until
    ).select_related("inspection__unit")
    return [
        Deadline(
            FOLLOW_UP,
            a.due_on,
            a.description,
            _("Inspection of %(unit)s on %(day)s")
            % {"unit": a.inspection.unit.name, "day": format_date(a.inspection.inspected_on)},
            reverse("movements:inspection_detail", args=[a.inspection_id]) + f"#action-{a.pk}",
            a.due_on < today,
        )
        for a in actions
    ]


def _reviews_due(user, today: dt.date, until: dt.date) -> list[Deadline]:
    """Reviews the user's units owe: each phase and the movement itself, once ended, until a review of it
    is issued."""
    ids = _role_unit_ids(user, MOVEMENTS_MANAGE)
    if not ids:
        return []
    latest_end = until - dt.timedelta(days=REVIEW_DUE_DAYS)
    phases = list(
        Phase.objects.filter(
            movement__state=MovementState.PUBLISHED, movement__unit_id__in=ids, end__lte=latest_end
        ).select_related("movement")
    )
    movements = list(
        Movement.objects.filter(state=MovementState.PUBLISHED, unit_id__in=ids, end__lte=latest_end)
    )
    issued = set(
        Review.objects.filter(
            state=ReviewState.ISSUED,
            movement_id__in={p.movement_id for p in phases} | {m.pk for m in movements},
        ).values_list("movement_id", "kind", "phase_id")
    )
    deadlines = []
    for phase in phases:
        if (phase.movement_id, ReviewKind.INTERIM, phase.pk) in issued:
            continue
        due = phase.end + dt.timedelta(days=REVIEW_DUE_DAYS)
        deadlines.append(
            Deadline(
                REVIEW_DUE,
                due,
                _("Interim review of %(phase)s") % {"phase": phase.name},
                phase.movement.name,
                reverse("movements:detail", args=[phase.movement_id]) + "#reviews",
                due < today,
            )
        )
    for movement in movements:
        if (movement.pk, ReviewKind.FINAL, None) in issued:
            continue
        due = movement.end + dt.timedelta(days=REVIEW_DUE_DAYS)
        deadlines.append(
            Deadline(
                REVIEW_DUE,
                due,
                _("Final review of the movement"),
                movement.name,
                reverse("movements:detail", args=[movement.pk]) + "#reviews",
                due < today,
            )
        )
    return deadlines


def upcoming_deadlines(*, user, today: dt.date, horizon_days: int = HOME_HORIZON_DAYS) -> list[Deadline]:
    """Everything the user must do by `today + horizon_days`, and what is overdue, soonest first."""
    if not user.is_authenticated:
        return []
    until = today + dt.timedelta(days=horizon_days)
    items = [
        *_phase_ends(user, today, until),
        *_target_reports(user, today, until),
        *_follow_ups(user, today, until),
        *_reviews_due(user, today, until),
    ]
    return sorted(items, key=lambda d: (d.due_on, d.kind, d.title))
