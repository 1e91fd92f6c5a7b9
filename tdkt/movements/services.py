"""Writes to movements: launch (create), edit, publish, close, delete a draft, report a target figure.

Every change is audited. A plan is saved only when the officer has acknowledged every warning
`validation.plan_warnings` raises about it; the warnings acknowledged are stored on the movement.
"""

import datetime as dt
import re
from collections.abc import Callable, Collection
from dataclasses import fields
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.audit import audit_log, audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import format_date
from tdkt.documents.model import PLAN as PLAN_KIND
from tdkt.documents.services import register_allocate
from tdkt.movements.computations import get_computation
from tdkt.movements.inputs import PlanContent
from tdkt.movements.models import (
    VISIBLE_BELOW_STATES,
    BasisVerb,
    Movement,
    MovementState,
    Phase,
    Plan,
    PlanBasis,
    PlanSection,
    Reporter,
    Responsibility,
    Target,
    TargetKind,
    TargetReport,
)
from tdkt.movements.periods import report_periods
from tdkt.movements.selectors import reporting_units_below, target_reporters, unit_expected_in
from tdkt.movements.validation import PlanWarning, plan_warnings
from tdkt.org.models import Unit

# "KH-SYT", "KH-TTYT", "KH-HĐTĐKT": upper-case groups joined by "-", no spaces (Nghị định 30/2020/NĐ-CP).
SYMBOL_RE = re.compile(r"^KH(-[A-ZĐ0-9&.]+)+$")


class WarningsNotAcknowledged(ApplicationError):
    """The plan raises warnings the officer has not acknowledged; `extra["warnings"]` lists them."""

    def __init__(self, warnings: list[PlanWarning]):
        super().__init__(
            _("Please read the warnings below and confirm that the plan is right as entered."),
            {"warnings": [w.as_dict() for w in warnings]},
        )
        self.warnings = warnings


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _messages(exc: ValidationError) -> str:
    return " ".join(exc.messages)


# ---------------------------------------------------------------------------------------------
# Checks that are errors (not warnings)
# ---------------------------------------------------------------------------------------------


def _check_parent(*, unit: Unit, parent: Movement | None) -> None:
    if parent is None:
        return
    if parent.state not in VISIBLE_BELOW_STATES:
        raise ApplicationError(_("A plan can only derive from a published movement."))
    if not unit.path.startswith(parent.unit.path):
        raise ApplicationError(
            _("%(unit)s is not under %(parent)s, which launched “%(movement)s”.")
            % {"unit": unit.name, "parent": parent.unit.name, "movement": parent.name}
        )


def _check_plan(*, unit: Unit, content: PlanContent, movement: Movement | None) -> None:
    plan = content.plan
    errors: dict[str, list[str]] = {}
    if plan.end < plan.start:
        errors.setdefault("end", []).append(_("The end date is before the start date."))
    if not SYMBOL_RE.match(plan.symbol or ""):
        errors.setdefault("symbol", []).append(
            _("Write the symbol in capitals, starting with KH, groups joined by hyphens, no spaces: KH-SYT.")
        )
    if not unit.is_valid_on(plan.issued_on):
        errors.setdefault("issued_on", []).append(
            _("%(unit)s does not exist on %(day)s.") % {"unit": unit.name, "day": format_date(plan.issued_on)}
        )
    if plan.number is not None:
        clash = Plan.objects.filter(
            movement__unit=unit, issued_on__year=plan.issued_on.year, number=plan.number, symbol=plan.symbol
        )
        if movement is not None:
            clash = clash.exclude(movement=movement)
        other = clash.select_related("movement").first()
        if other is not None:
            errors.setdefault("number", []).append(
                _("%(reference)s is already the number of “%(name)s” of %(unit)s in %(year)s.")
                % {
                    "reference": other.reference,
                    "name": other.movement.name,
                    "unit": unit.name,
                    "year": plan.issued_on.year,
                }
            )
    for i, phase in enumerate(content.phases, start=1):
        if phase.end < phase.start:
            errors.setdefault("phases", []).append(
                _("Phase %(n)s (%(name)s): the end date is before the start date.")
                % {"n": i, "name": phase.name}
            )
    for i, target in enumerate(content.targets, start=1):
        label = _("Target %(n)s") % {"n": i}
        if target.kind == TargetKind.COMPUTED and get_computation(target.computation) is None:
            errors.setdefault("targets", []).append(
                _("%(target)s: choose what tdkt computes.") % {"target": label}
            )
        if target.reporter == Reporter.NAMED_UNIT:
            if target.reporter_unit is None:
                errors.setdefault("targets", []).append(
                    _("%(target)s: choose the unit that reports.") % {"target": label}
                )
            elif not target.reporter_unit.path.startswith(unit.path):
                errors.setdefault("targets", []).append(
                    _("%(target)s: %(reporter)s is not under %(unit)s.")
                    % {"target": label, "reporter": target.reporter_unit.name, "unit": unit.name}
                )
    for i, item in enumerate(content.basis, start=1):
        if item.movement_id is None and not item.reference.strip():
            errors.setdefault("basis", []).append(
                _("Basis %(n)s: choose a movement or write the document cited.") % {"n": i}
            )
    basis_ids = {b.movement_id for b in content.basis if b.movement_id}
    if basis_ids:
        cited = Movement.objects.filter(pk__in=basis_ids, state__in=VISIBLE_BELOW_STATES)
        if movement is not None:
            cited = cited.exclude(pk=movement.pk)
        if set(cited.values_list("pk", flat=True)) != basis_ids:
            errors.setdefault("basis", []).append(_("A plan can only cite published movements."))
    if errors:
        raise ValidationError(errors)


def _acknowledge(
    *, movement: Movement, warnings: list[PlanWarning], acknowledged: Collection[str], actor
) -> None:
    missing = [w for w in warnings if w.key not in set(acknowledged)]
    if missing:
        raise WarningsNotAcknowledged(warnings)
    movement.acknowledged_warnings = [w.as_dict() for w in warnings]
    movement.acknowledged_by = _user(actor) if warnings else None
    movement.acknowledged_at = timezone.now() if warnings else None


def _ack_reason(warnings: list[PlanWarning], reason: str = "") -> str:
    if not warnings:
        return reason
    note = _("%(n)s warning(s) acknowledged") % {"n": len(warnings)}
    return f"{reason} · {note}" if reason else note


# ---------------------------------------------------------------------------------------------
# Rows of the plan (phases, targets, content items, responsibilities, basis)
# ---------------------------------------------------------------------------------------------


def _sync_rows(
    *,
    actor,
    model,
    owner_field: str,
    owner,
    items: list,
    label: str,
    prepare: Callable | None = None,
    before_delete: Callable | None = None,
) -> list:
    """Make `owner`'s rows of `model` exactly `items` (in order): update those with an id, create the
    others, delete the rest. Each change is audited."""
    existing = {obj.pk: obj for obj in model.objects.filter(**{owner_field: owner})}
    entries, kept = [], []
    for order, item in enumerate(items, start=1):
        if item.id is not None and item.id not in existing:
            raise ApplicationError(
                _("%(label)s %(n)s no longer exists; reload the page.") % {"label": label, "n": order}
            )
        obj = existing.pop(item.id, None) if item.id is not None else None
        before = snapshot(obj) if obj is not None else None
        if obj is None:
            obj = model(**{owner_field: owner})
        for f in fields(item):
            if f.name != "id":
                setattr(obj, f.name, getattr(item, f.name))
        obj.order = order
        if prepare is not None:
            prepare(obj)
        try:
            obj.full_clean()
        except ValidationError as exc:
            raise ApplicationError(f"{label} {order}: {_messages(exc)}") from exc
        obj.save()
        kept.append(obj)
        entries.append((AuditAction.UPDATE if before else AuditAction.CREATE, obj, before, snapshot(obj)))
    removed = list(existing.values())
    if removed and before_delete is not None:
        before_delete(removed)
    for obj in removed:
        entries.append((AuditAction.DELETE, obj, snapshot(obj), None))
    if removed:
        model.objects.filter(pk__in=[o.pk for o in removed]).delete()
    audit_log_many(actor=actor, items=entries)
    return kept


def _prepare_target(target: Target) -> None:
    if target.kind != TargetKind.COMPUTED:
        target.computation = ""
    if target.reporter != Reporter.NAMED_UNIT:
        target.reporter_unit = None


def _refuse_reported_targets(targets: list[Target]) -> None:
    reported = Target.objects.filter(pk__in=[t.pk for t in targets], reports__isnull=False).distinct()
    names = [t.indicator for t in reported]
    if names:
        raise ApplicationError(
            _("Units have already reported on “%(target)s”: it cannot be removed.") % {"target": names[0]}
        )


def _write_rows(*, actor, movement: Movement, plan: Plan, content: PlanContent) -> None:
    basis = list(content.basis)
    if movement.parent_id and movement.parent_id not in {b.movement_id for b in basis}:
        from tdkt.movements.inputs import BasisInput

        basis.insert(0, BasisInput(verb=BasisVerb.IMPLEMENTING, movement_id=movement.parent_id))
    _sync_rows(
        actor=actor,
        model=Phase,
        owner_field="movement",
        owner=movement,
        items=content.phases,
        label=_("Phase"),
    )
    _sync_rows(
        actor=actor,
        model=Target,
        owner_field="movement",
        owner=movement,
        items=content.targets,
        label=_("Target"),
        prepare=_prepare_target,
        before_delete=_refuse_reported_targets,
    )
    _sync_rows(
        actor=actor,
        model=PlanSection,
        owner_field="plan",
        owner=plan,
        items=content.sections,
        label=_("Content item"),
    )
    _sync_rows(
        actor=actor,
        model=Responsibility,
        owner_field="plan",
        owner=plan,
        items=content.responsibilities,
        label=_("Responsibility"),
    )
    _sync_rows(actor=actor, model=PlanBasis, owner_field="plan", owner=plan, items=basis, label=_("Basis"))


_MOVEMENT_FIELDS = ("kind", "name", "theme", "start", "end")


def _plan_fields(content: PlanContent) -> dict:
    return {
        f.name: getattr(content.plan, f.name) for f in fields(content.plan) if f.name not in _MOVEMENT_FIELDS
    }


# ---------------------------------------------------------------------------------------------
# Movements
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def movement_create(
    *,
    actor,
    unit: Unit,
    content: PlanContent,
    parent: Movement | None = None,
    acknowledged: Collection[str] = (),
) -> Movement:
    """Launch a movement of `unit` as a draft, with its plan and rows; derived from `parent` if given."""
    _check_parent(unit=unit, parent=parent)
    _check_plan(unit=unit, content=content, movement=None)
    warnings = plan_warnings(content, parent=parent)
    movement = Movement(
        unit=unit,
        parent=parent,
        created_by=_user(actor),
        **{name: getattr(content.plan, name) for name in _MOVEMENT_FIELDS},
    )
    _acknowledge(movement=movement, warnings=warnings, acknowledged=acknowledged, actor=actor)
    movement.full_clean(exclude=["path"])
    movement.save()
    movement.path = f"{parent.path if parent else '/'}{movement.pk}/"
    Movement.objects.filter(pk=movement.pk).update(path=movement.path)
    plan = Plan(movement=movement, **_plan_fields(content))
    plan.full_clean()
    plan.save()
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=movement,
        after=snapshot(movement),
        reason=_ack_reason(warnings),
    )
    audit_log(actor=actor, action=AuditAction.CREATE, obj=plan, after=snapshot(plan))
    _write_rows(actor=actor, movement=movement, plan=plan, content=content)
    return movement


@transaction.atomic
def movement_update(
    *,
    actor,
    movement: Movement,
    content: PlanContent,
    acknowledged: Collection[str] = (),
    reason: str = "",
) -> Movement:
    """Change a draft or published movement's plan and rows (a closed one is final)."""
    movement = (
        Movement.objects.select_for_update(of=("self",))
        .select_related("unit", "parent", "plan")
        .get(pk=movement.pk)
    )
    if movement.is_closed:
        raise ApplicationError(
            _("“%(name)s” is closed: its plan can no longer change.") % {"name": movement.name}
        )
    _check_plan(unit=movement.unit, content=content, movement=movement)
    warnings = plan_warnings(content, parent=movement.parent)
    before = snapshot(movement)
    for name in _MOVEMENT_FIELDS:
        setattr(movement, name, getattr(content.plan, name))
    _acknowledge(movement=movement, warnings=warnings, acknowledged=acknowledged, actor=actor)
    movement.full_clean()
    movement.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=movement,
        before=before,
        after=snapshot(movement),
        reason=_ack_reason(warnings, reason),
    )
    plan = movement.plan
    plan_before = snapshot(plan)
    for name, value in _plan_fields(content).items():
        setattr(plan, name, value)
    plan.full_clean()
    plan.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=plan,
        before=plan_before,
        after=snapshot(plan),
        reason=reason,
    )
    _write_rows(actor=actor, movement=movement, plan=plan, content=content)
    return movement


def _transition(*, actor, movement: Movement, source: str, target: str, stamp: str) -> Movement:
    movement = Movement.objects.select_for_update().get(pk=movement.pk)
    if movement.state != source:
        raise ApplicationError(
            _("“%(name)s” is %(state)s: this step is not possible now.")
            % {"name": movement.name, "state": movement.get_state_display().lower()}
        )
    before = snapshot(movement) | {"state": movement.state}
    movement.state = target
    setattr(movement, f"{stamp}_at", timezone.now())
    setattr(movement, f"{stamp}_by", _user(actor))
    movement.save(update_fields=["state", f"{stamp}_at", f"{stamp}_by", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=movement,
        before=before,
        after=snapshot(movement) | {"state": movement.state},
    )
    return movement


@transaction.atomic
def movement_publish(*, actor, movement: Movement) -> Movement:
    """Draft → published: the units below see it, may derive their plans and report on its targets.

    A plan without a number takes the next one of its unit's register of documents issued (the number an
    officer entered for a plan signed earlier is kept)."""
    movement = _transition(
        actor=actor,
        movement=movement,
        source=MovementState.DRAFT,
        target=MovementState.PUBLISHED,
        stamp="published",
    )
    _plan_number_allocate(actor=actor, movement=movement)
    return movement


def register_series(*, unit: Unit, symbol: str) -> str:
    """The register series a symbol's issuer part names: "" for the unit's own abbreviation ("KH-SYT" of
    the SYT), else its own series ("KH-HĐTĐKT": a council issuing in its own name, Phụ lục I, II.3.a)."""
    abbreviation = symbol.partition("-")[2]
    return "" if abbreviation == unit.document_abbreviation else abbreviation


def _plan_number_allocate(*, actor, movement: Movement) -> None:
    plan = Plan.objects.select_for_update().get(movement=movement)
    if plan.number is not None:
        return
    unit = movement.unit
    entry = register_allocate(
        issuer=unit,
        year=plan.issued_on.year,
        kind=PLAN_KIND,
        actor=actor,
        subject=movement.name,
        series=register_series(unit=unit, symbol=plan.symbol),
    )
    taken = (
        Plan.objects.filter(
            movement__unit=unit, issued_on__year=plan.issued_on.year, number=entry.number, symbol=plan.symbol
        )
        .exclude(pk=plan.pk)
        .select_related("movement")
        .first()
    )
    if taken is not None:
        raise ApplicationError(
            _(
                "The register's next number, %(reference)s, was already entered by hand for “%(name)s”: "
                "enter this plan's number by hand as well."
            )
            % {"reference": taken.reference, "name": taken.movement.name}
        )
    before = snapshot(plan)
    plan.number = entry.number
    plan.full_clean()
    plan.save(update_fields=["number"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=plan,
        before=before,
        after=snapshot(plan),
        reason=_("Number %(symbol)s from the register of documents issued") % {"symbol": entry.symbol},
    )


@transaction.atomic
def movement_close(*, actor, movement: Movement) -> Movement:
    """Published → closed: no more reports or changes."""
    return _transition(
        actor=actor,
        movement=movement,
        source=MovementState.PUBLISHED,
        target=MovementState.CLOSED,
        stamp="closed",
    )


@transaction.atomic
def movement_delete(*, actor, movement: Movement) -> None:
    """Remove a draft that nothing derives from or cites."""
    movement = Movement.objects.select_for_update().get(pk=movement.pk)
    if not movement.is_draft:
        raise ApplicationError(_("Only a draft can be deleted; close a published movement instead."))
    if movement.children.exists() or movement.cited_by.exists():
        raise ApplicationError(_("Other plans derive from or cite this one: it cannot be deleted."))
    audit_log(actor=actor, action=AuditAction.DELETE, obj=movement, before=snapshot(movement))
    movement.delete()


# ---------------------------------------------------------------------------------------------
# Target reports
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def target_report_submit(
    *,
    actor,
    target: Target,
    unit: Unit,
    period_start: dt.date,
    value: Decimal,
    today: dt.date,
    note: str = "",
    evidence: str = "",
) -> TargetReport:
    """Record (or correct) `unit`'s figure for `target` over the period starting `period_start`."""
    movement = target.movement
    if not movement.is_published:
        raise ApplicationError(_("Figures are reported only while the movement is published."))
    if target.kind != TargetKind.REPORTED:
        raise ApplicationError(_("tdkt computes this target itself: there is nothing to report."))
    below = reporting_units_below(movement=movement) if target.reporter == Reporter.UNITS_BELOW else []
    if unit.pk not in {u.pk for u in target_reporters(target, movement=movement, below=below)}:
        raise ApplicationError(
            _("%(unit)s does not report on “%(target)s”.") % {"unit": unit.name, "target": target.indicator}
        )
    periods = report_periods(frequency=target.frequency, start=movement.start, end=movement.end)
    period = next((p for p in periods if p.start == period_start and unit_expected_in(unit, p)), None)
    if period is None:
        raise ValidationError({"period": _("Choose one of the reporting periods of this target.")})
    if period.start > today:
        raise ValidationError(
            {"period": _("%(period)s has not started yet: report it once it has.") % {"period": period.label}}
        )
    report = (
        TargetReport.objects.select_for_update()
        .filter(target=target, unit=unit, period_start=period.start)
        .first()
    )
    before = snapshot(report) if report is not None else None
    if report is None:
        report = TargetReport(target=target, unit=unit, period_start=period.start)
    report.period_end = period.end
    report.value = value
    report.note = note
    report.evidence = evidence
    report.reported_by = _user(actor)
    report.reported_at = timezone.now()
    report.full_clean()
    report.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        obj=report,
        before=before,
        after=snapshot(report),
    )
    return report
