"""Inspection pages: record or edit an inspection with its follow-up actions, read it, mark an action done,
close it. The unit running the movement manages its inspections; the inspected units and the owners of
follow-up actions read them (others get 404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.access import get_follow_up_for_user, get_inspection_for_user, get_movement_for_user
from tdkt.accounts.audit import audit_entries_for
from tdkt.accounts.roles import AUDIT_VIEW, MOVEMENTS_MANAGE
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import today_vn
from tdkt.movements.forms_inspections import FollowUpStatusForm, InspectionCloseForm, InspectionForms
from tdkt.movements.models import Inspection, InspectionKind, Movement
from tdkt.movements.selectors_inspections import follow_up_owners, inspected_unit_choices
from tdkt.movements.services_inspections import (
    follow_up_set_status,
    inspection_close,
    inspection_create,
    inspection_update,
)
from tdkt.movements.views import _apply_errors


def _can_manage(user, movement: Movement) -> bool:
    return movement.unit_id in scope_unit_ids(user, MOVEMENTS_MANAGE)


def _initial(inspection: Inspection | None, today) -> dict:
    if inspection is None:
        return {"inspection": {"kind": InspectionKind.PLANNED, "inspected_on": today}}
    return {
        "inspection": {
            "unit": inspection.unit_id,
            "kind": inspection.kind,
            "inspected_on": inspection.inspected_on,
            "team": inspection.team,
            "findings": inspection.findings,
        },
        "actions": [
            {"id": a.pk, "description": a.description, "owner": a.owner_id, "due_on": a.due_on}
            for a in inspection.actions.all()
        ],
    }


def _form_page(request, *, movement: Movement, inspection: Inspection | None):
    today = today_vn()
    units = inspected_unit_choices(movement=movement)
    if inspection is not None and inspection.unit not in units:
        units.append(inspection.unit)  # a unit since merged away stays selectable on its own inspection
    forms = InspectionForms(
        request.POST if request.method == "POST" else None,
        initial=_initial(inspection, today),
        units=units,
        owners=follow_up_owners(movement=movement),
    )
    if request.method == "POST" and forms.is_valid():
        try:
            if inspection is None:
                saved = inspection_create(
                    actor=request.user, movement=movement, content=forms.content(), today=today
                )
            else:
                saved = inspection_update(
                    actor=request.user, inspection=inspection, content=forms.content(), today=today
                )
        except ValidationError as exc:
            _apply_errors(forms.inspection, exc)
        except ApplicationError as exc:
            forms.inspection.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("movements:inspection_detail", pk=saved.pk)
    return render(
        request,
        "movements/inspection_form.html",
        {"forms": forms, "movement": movement, "inspection": inspection},
        status=400 if request.method == "POST" else 200,
    )


def inspection_create_view(request, pk: int):
    movement = get_movement_for_user(request, pk, perm=MOVEMENTS_MANAGE, rows=False)
    if not movement.is_published:
        messages.error(request, _("Inspections are recorded while the movement is published."))
        return redirect("movements:detail", pk=movement.pk)
    return _form_page(request, movement=movement, inspection=None)


def inspection_edit_view(request, pk: int):
    inspection = get_inspection_for_user(request, pk)
    if not _can_manage(request.user, inspection.movement):
        raise Http404
    if not inspection.is_open:
        messages.error(request, _("This inspection is closed: it can no longer change."))
        return redirect("movements:inspection_detail", pk=inspection.pk)
    return _form_page(request, movement=inspection.movement, inspection=inspection)


def inspection_detail_view(request, pk: int, *, close_form=None, status_forms=None, status=200):
    inspection = get_inspection_for_user(request, pk)
    can_manage = _can_manage(request.user, inspection.movement)
    actions = list(inspection.actions.all())
    status_forms = status_forms or {}
    for action in actions:
        action.can_update = inspection.is_open and (can_manage or action.owner_id == request.user.pk)
        action.form = status_forms.get(action.pk) or FollowUpStatusForm(prefix=f"a{action.pk}")
    audit = []
    if has_perm(request.user, AUDIT_VIEW):
        audit = list(
            audit_entries_for(inspection, related=[("movements.followupaction", [a.pk for a in actions])])[
                :100
            ]
        )
    return render(
        request,
        "movements/inspection_detail.html",
        {
            "inspection": inspection,
            "movement": inspection.movement,
            "actions": actions,
            "can_manage": can_manage,
            "close_form": close_form or InspectionCloseForm(),
            "audit": audit,
            "today": today_vn(),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def inspection_close_view(request, pk: int):
    inspection = get_inspection_for_user(request, pk)
    if not _can_manage(request.user, inspection.movement):
        raise Http404
    if request.method != "POST":
        return redirect("movements:inspection_detail", pk=inspection.pk)
    form = InspectionCloseForm(request.POST)
    if form.is_valid():
        try:
            inspection_close(
                actor=request.user, inspection=inspection, conclusion=form.cleaned_data["conclusion"]
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The inspection is closed."))
            return redirect("movements:inspection_detail", pk=inspection.pk)
    return inspection_detail_view(request, inspection.pk, close_form=form, status=400)


@require_http_methods(["GET", "POST"])
def follow_up_status_view(request, pk: int):
    """POST done=1 (with a note) or done=0: the owner of the action or the inspecting unit's officer."""
    action = get_follow_up_for_user(request, pk)
    inspection = action.inspection
    if action.owner_id != request.user.pk and not _can_manage(request.user, inspection.movement):
        raise Http404
    if request.method != "POST":
        return redirect("movements:inspection_detail", pk=inspection.pk)
    form = FollowUpStatusForm(request.POST, prefix=f"a{action.pk}")
    form.is_valid()
    done = request.POST.get("done") == "1"
    try:
        follow_up_set_status(
            actor=request.user, action=action, done=done, note=form.cleaned_data.get("note", "")
        )
    except ValidationError as exc:
        _apply_errors(form, exc)
        return inspection_detail_view(request, inspection.pk, status_forms={action.pk: form}, status=400)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The action is marked done.") if done else _("The action is open again."))
    return redirect("movements:inspection_detail", pk=inspection.pk)
