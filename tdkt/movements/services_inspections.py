"""Writes of inspections: record (create, edit) an inspection and its follow-up actions, mark an action
done or open again, close the inspection. Every change is audited; a closed inspection is final."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import format_date
from tdkt.movements.inputs import InspectionInput
from tdkt.movements.models import (
    ActionStatus,
    FollowUpAction,
    Inspection,
    InspectionKind,
    InspectionState,
    Movement,
)
from tdkt.movements.selectors_inspections import follow_up_owner_ids
from tdkt.movements.services import _sync_rows, _user


def _check(*, movement: Movement, content: InspectionInput, today: dt.date) -> None:
    """Field errors of an inspection as entered (ValidationError naming the fields)."""
    errors: dict[str, list[str]] = {}
    unit = content.unit
    if not unit.path.startswith(movement.unit.path):
        errors.setdefault("unit", []).append(
            _("%(unit)s is not under %(issuer)s, which runs this movement.")
            % {"unit": unit.name, "issuer": movement.unit.name}
        )
    elif not unit.is_valid_on(content.inspected_on):
        errors.setdefault("unit", []).append(
            _("%(unit)s does not exist on %(day)s.")
            % {"unit": unit.name, "day": format_date(content.inspected_on)}
        )
    if content.inspected_on < movement.start:
        errors.setdefault("inspected_on", []).append(
            _("The inspection is dated before the movement starts (%(day)s).")
            % {"day": format_date(movement.start)}
        )
    if content.kind == InspectionKind.SURPRISE and content.inspected_on > today:
        errors.setdefault("inspected_on", []).append(
            _("A surprise inspection is recorded once it has taken place: its date cannot be in the future.")
        )
    if not content.team.strip():
        errors.setdefault("team", []).append(_("Name the members of the inspection team."))
    owners = follow_up_owner_ids(movement=movement, unit=unit)
    for i, action in enumerate(content.actions, start=1):
        if action.owner.pk not in owners:
            errors.setdefault("actions", []).append(
                _("Action %(n)s: %(owner)s holds no role in %(unit)s or in the units inspecting it.")
                % {"n": i, "owner": action.owner.get_full_name() or action.owner.username, "unit": unit.name}
            )
        if action.due_on < content.inspected_on:
            errors.setdefault("actions", []).append(
                _("Action %(n)s: the due date is before the inspection.") % {"n": i}
            )
    if errors:
        raise ValidationError(errors)


def _write_actions(*, actor, inspection: Inspection, content: InspectionInput) -> None:
    def refuse_done(removed: list[FollowUpAction]) -> None:
        done = [a for a in removed if a.is_done]
        if done:
            raise ApplicationError(
                _("“%(action)s” is already done: it cannot be removed.")
                % {"action": done[0].description[:80]}
            )

    _sync_rows(
        actor=actor,
        model=FollowUpAction,
        owner_field="inspection",
        owner=inspection,
        items=content.actions,
        label=_("Action"),
        before_delete=refuse_done,
    )


@transaction.atomic
def inspection_create(*, actor, movement: Movement, content: InspectionInput, today: dt.date) -> Inspection:
    """Record an inspection of a unit within a published movement, with its follow-up actions."""
    if not movement.is_published:
        raise ApplicationError(_("Inspections are recorded while the movement is published."))
    _check(movement=movement, content=content, today=today)
    inspection = Inspection(
        movement=movement,
        unit=content.unit,
        kind=content.kind,
        inspected_on=content.inspected_on,
        team=content.team.strip(),
        findings=content.findings.strip(),
        created_by=_user(actor),
    )
    inspection.full_clean()
    inspection.save()
    audit_log(actor=actor, action=AuditAction.CREATE, obj=inspection, after=snapshot(inspection))
    _write_actions(actor=actor, inspection=inspection, content=content)
    return inspection


def _locked_open(inspection: Inspection) -> Inspection:
    inspection = (
        Inspection.objects.select_for_update(of=("self",))
        .select_related("movement__unit", "unit")
        .get(pk=inspection.pk)
    )
    if not inspection.is_open:
        raise ApplicationError(_("This inspection is closed: it can no longer change."))
    return inspection


@transaction.atomic
def inspection_update(
    *, actor, inspection: Inspection, content: InspectionInput, today: dt.date
) -> Inspection:
    """Change an open inspection: its unit, date, team, findings and follow-up actions."""
    inspection = _locked_open(inspection)
    _check(movement=inspection.movement, content=content, today=today)
    before = snapshot(inspection)
    inspection.unit = content.unit
    inspection.kind = content.kind
    inspection.inspected_on = content.inspected_on
    inspection.team = content.team.strip()
    inspection.findings = content.findings.strip()
    inspection.full_clean()
    inspection.save()
    audit_log(
        actor=actor, action=AuditAction.UPDATE, obj=inspection, before=before, after=snapshot(inspection)
    )
    _write_actions(actor=actor, inspection=inspection, content=content)
    return inspection


@transaction.atomic
def follow_up_set_status(*, actor, action: FollowUpAction, done: bool, note: str = "") -> FollowUpAction:
    """Mark a follow-up action done (with how it was done) or open again, while the inspection is open."""
    _locked_open(action.inspection)
    action = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    note = note.strip()
    if done and not note:
        raise ValidationError({"note": _("Say briefly how the action was done.")})
    before = snapshot(action)
    action.status = ActionStatus.DONE if done else ActionStatus.OPEN
    action.done_note = note if done else ""
    action.done_at = timezone.now() if done else None
    action.done_by = _user(actor) if done else None
    action.full_clean()
    action.save()
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=action, before=before, after=snapshot(action))
    return action


@transaction.atomic
def inspection_close(*, actor, inspection: Inspection, conclusion: str) -> Inspection:
    """Close an inspection whose findings are written and whose follow-up actions are all done."""
    inspection = _locked_open(inspection)
    conclusion = conclusion.strip()
    if not conclusion:
        raise ValidationError({"conclusion": _("Write the conclusion of the inspection.")})
    if not inspection.findings:
        raise ApplicationError(_("Write the findings of the inspection before closing it."))
    still_open = list(inspection.actions.filter(status=ActionStatus.OPEN).order_by("order", "id"))
    if still_open:
        raise ApplicationError(
            _("%(n)s follow-up action(s) are still open, the first: “%(action)s”.")
            % {"n": len(still_open), "action": still_open[0].description[:80]}
        )
    before = snapshot(inspection)
    inspection.state = InspectionState.CLOSED
    inspection.conclusion = conclusion
    inspection.closed_at = timezone.now()
    inspection.closed_by = _user(actor)
    inspection.full_clean()
    inspection.save()
    audit_log(
        actor=actor, action=AuditAction.UPDATE, obj=inspection, before=before, after=snapshot(inspection)
    )
    return inspection
