"""Movement pages: list, detail (plan, phases, targets, tree, history), launch/edit/derive with inline rows,
publish, close, delete a draft, the targets dashboard and the report of a unit's figure."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.access import get_movement_for_user, get_target_for_user
from tdkt.accounts.audit import audit_entries_for
from tdkt.accounts.roles import (
    AUDIT_VIEW,
    MOVEMENTS_MANAGE,
    MOVEMENTS_VIEW,
    PLEDGES_VIEW,
    REGISTRATIONS_VIEW,
)
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import today_vn
from tdkt.movements.anniversaries import BY_CODE, occurrences_between
from tdkt.movements.forms import MovementFilterForm, PlanForms, TargetReportForm
from tdkt.movements.models import Movement
from tdkt.movements.selectors import (
    derive_initial,
    launching_units,
    movement_list,
    movement_tree,
    movement_years,
    outside_basis,
    parent_choices,
    target_periods,
    target_progress,
    target_report_units,
    target_unit_reports,
    unit_expected_in,
)
from tdkt.movements.selectors_inspections import movement_inspections
from tdkt.movements.selectors_reviews import movement_reviews
from tdkt.movements.services import (
    WarningsNotAcknowledged,
    movement_close,
    movement_create,
    movement_delete,
    movement_publish,
    movement_update,
    target_report_submit,
)
from tdkt.org.models import Unit

PAGE_SIZE = 30


def movement_list_view(request):
    if not has_perm(request.user, MOVEMENTS_VIEW):
        raise Http404
    form = MovementFilterForm(request.GET or None, years=movement_years(request.user))
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    qs = movement_list(
        user=request.user,
        year=data.get("year"),
        kind=data.get("kind") or "",
        state=data.get("state") or "",
        relation=data.get("relation") or "",
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query_string": query.urlencode(),
        "can_manage": has_perm(request.user, MOVEMENTS_MANAGE),
    }
    if request.htmx and request.htmx.target == "movement-results":
        return render(request, "movements/movement_list.html#results", context)
    return render(request, "movements/movement_list.html", context)


def _timeline(movement: Movement) -> list[dict]:
    """Each phase as a bar placed on the movement's period (percentages), with its anniversaries."""
    span = max((movement.end - movement.start).days + 1, 1)

    def pct(day: dt.date) -> float:
        clipped = min(max(day, movement.start), movement.end + dt.timedelta(days=1))
        return round(100 * (clipped - movement.start).days / span, 2)

    bars = []
    for phase in movement.phases.all():
        left, right = pct(phase.start), pct(phase.end + dt.timedelta(days=1))
        marks = [
            {"label": BY_CODE[code].label, "day": day, "left": pct(day)}
            for code in phase.commemorations
            if code in BY_CODE
            for day in occurrences_between(BY_CODE[code], phase.start, phase.end)
        ]
        bars.append(
            {
                "phase": phase,
                "left": left,
                "width": max(right - left, 1.5),
                "outside": phase.start < movement.start or phase.end > movement.end,
                "marks": marks,
            }
        )
    return bars


def movement_detail_view(request, pk: int):
    movement = get_movement_for_user(request, pk)
    today = today_vn()
    tree = movement_tree(movement=movement, user=request.user)
    progress = target_progress(movement=movement, user=request.user, today=today)
    manage_scope = scope_unit_ids(request.user, MOVEMENTS_MANAGE)
    can_manage = movement.unit_id in manage_scope
    audit = []
    if has_perm(request.user, AUDIT_VIEW) and (
        can_manage or movement.unit_id in scope_unit_ids(request.user, AUDIT_VIEW)
    ):
        plan = movement.plan
        audit = list(
            audit_entries_for(
                movement,
                related=[
                    ("movements.plan", [plan.pk]),
                    ("movements.phase", [p.pk for p in movement.phases.all()]),
                    ("movements.target", [t.pk for t in movement.targets.all()]),
                    ("movements.plansection", [s.pk for s in plan.sections.all()]),
                    ("movements.responsibility", [r.pk for r in plan.responsibilities.all()]),
                    ("movements.planbasis", [b.pk for b in plan.basis_items.all()]),
                ],
            )[:100]
        )
    reviews = movement_reviews(movement=movement, user=request.user)
    started = {"final" if r.is_final else r.phase_id for r in reviews if r.previous_id is None}
    can_derive = movement.is_published and any(
        u.path.startswith(movement.unit.path) and u.pk != movement.unit_id
        for u in launching_units(user=request.user)
    )
    return render(
        request,
        "movements/movement_detail.html",
        {
            "movement": movement,
            "plan": movement.plan,
            "tree": tree,
            "outside": outside_basis(tree=tree),
            "timeline": _timeline(movement),
            "progress": progress,
            "audit": audit,
            "today": today,
            "can_manage": can_manage,
            "can_derive": can_derive,
            "inspections": movement_inspections(movement=movement, user=request.user),
            "reviews": reviews,
            "review_phases": [p for p in movement.phases.all() if p.pk not in started]
            if can_manage and not movement.is_draft
            else [],
            "can_start_final": can_manage and not movement.is_draft and "final" not in started,
            **_pledge_links(request.user, movement),
        },
    )


def _pledge_links(user, movement: Movement) -> dict:
    """Whether to link the movement's registrations and pledges pages (never for a draft): registrations for
    those who see them or register themselves, the pledges' progress for those who follow it."""
    if movement.is_draft:
        return {"show_registrations": False, "show_pledges": False}
    return {
        "show_registrations": has_perm(user, REGISTRATIONS_VIEW) or user.person_id is not None,
        "show_pledges": has_perm(user, PLEDGES_VIEW),
    }


def _plan_page(request, *, movement: Movement | None, parent: Movement | None):
    """Launch (movement None), derive (parent given) or edit a plan: one form, one page."""
    launching = movement is None
    user = request.user
    units = launching_units(user=user)
    if parent is not None:
        units = [u for u in units if u.path.startswith(parent.unit.path) and u.pk != parent.unit_id]
    if launching and not units:
        raise Http404
    published = parent_choices(user=user)
    if parent is not None:
        parents = [parent]
    else:
        parents = [m for m in published if any(u.path.startswith(m.unit.path) for u in units)]
    row_units = _row_units(user=user, base=movement.unit if movement is not None else None)
    cited = [m for m in published if movement is None or m.pk != movement.pk]
    initial = _initial(movement=movement, parent=parent, units=units)
    bound = PlanForms(
        request.POST if request.method == "POST" else None,
        initial=initial,
        units=units,
        parents=parents,
        launching=launching,
        row_units=row_units,
        movements=cited,
    )
    warnings = []
    if request.method == "POST" and bound.is_valid():
        content = bound.content()
        acknowledged = request.POST.getlist("warning_key") if request.POST.get("acknowledge") else []
        try:
            if launching:
                data = bound.plan.cleaned_data
                unit = bound.plan.units[data["unit"]]
                chosen_parent = parent if parent is not None else bound.plan.parents.get(data.get("parent"))
                saved = movement_create(
                    actor=user, unit=unit, content=content, parent=chosen_parent, acknowledged=acknowledged
                )
            else:
                saved = movement_update(
                    actor=user,
                    movement=movement,
                    content=content,
                    acknowledged=acknowledged,
                    reason=request.POST.get("reason", "")[:200],
                )
        except WarningsNotAcknowledged as exc:
            warnings = exc.warnings
        except ValidationError as exc:
            _apply_errors(bound.plan, exc)
        except ApplicationError as exc:
            bound.plan.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("movements:detail", pk=saved.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "movements/movement_form.html",
        {
            "forms": bound,
            "movement": movement,
            "parent": parent,
            "launching": launching,
            "warnings": warnings,
        },
        status=status,
    )


def _row_units(*, user, base: Unit | None) -> list[Unit]:
    """Units a target or a task may name: the launching unit and the units directly below it (or, before
    the launching unit is chosen, the user's top units and those directly below them)."""
    scope = scope_unit_ids(user, MOVEMENTS_MANAGE)
    current = Unit.objects.filter(id__in=scope, valid_to__isnull=True)
    if base is not None:
        return list(current.filter(path__startswith=base.path, depth__lte=base.depth + 1).order_by("path"))
    top = min(current.values_list("depth", flat=True), default=0)
    return list(current.filter(depth__lte=top + 1).order_by("path"))


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _initial(*, movement: Movement | None, parent: Movement | None, units) -> dict:
    if parent is not None:
        initial = derive_initial(parent=parent)
        if units:
            unit = units[0]
            initial["plan"] |= {
                "unit": unit.pk,
                "issuer_name": unit.name.upper(),
                "issuer_parent": parent.unit.name.upper() if unit.parent_id == parent.unit_id else "",
            }
        return initial
    if movement is None:
        return {"plan": {"kind": "regular", "symbol": "KH-"}}
    plan = movement.plan
    fields = [
        "number",
        "symbol",
        "issued_on",
        "place",
        "issuer_name",
        "issuer_parent",
        "signer_authority",
        "signer_title",
        "signer_name",
        "preamble",
        "purposes",
        "requirements",
        "audience",
        "closing",
        "distribution",
    ]
    return {
        "plan": {
            "kind": movement.kind,
            "name": movement.name,
            "theme": movement.theme,
            "start": movement.start,
            "end": movement.end,
            **{f: getattr(plan, f) for f in fields},
        },
        "phases": [
            {
                "id": p.pk,
                "name": p.name,
                "start": p.start,
                "end": p.end,
                "theme": p.theme,
                "description": p.description,
                "commemorations": p.commemorations,
            }
            for p in movement.phases.all()
        ],
        "targets": [
            {
                "id": t.pk,
                "source_id": t.source_id,
                "indicator": t.indicator,
                "unit_of_measure": t.unit_of_measure,
                "comparator": t.comparator,
                "threshold": t.threshold,
                "direction": t.direction,
                "frequency": t.frequency,
                "kind": t.kind,
                "computation": t.computation,
                "reporter": t.reporter,
                "reporter_unit": t.reporter_unit_id,
                "due_days": t.due_days,
            }
            for t in movement.targets.all()
        ],
        "sections": [{"id": s.pk, "heading": s.heading, "body": s.body} for s in plan.sections.all()],
        "responsibilities": [
            {"id": r.pk, "party": r.party, "unit": r.unit_id, "task": r.task}
            for r in plan.responsibilities.all()
        ],
        "basis": [
            {"id": b.pk, "verb": b.verb, "movement_id": b.movement_id, "reference": b.reference}
            for b in plan.basis_items.all()
        ],
    }


def movement_create_view(request):
    if not has_perm(request.user, MOVEMENTS_MANAGE):
        raise Http404
    return _plan_page(request, movement=None, parent=None)


def movement_derive_view(request, pk: int):
    parent = get_movement_for_user(request, pk)
    if not parent.is_published:
        raise Http404
    return _plan_page(request, movement=None, parent=parent)


def movement_edit_view(request, pk: int):
    movement = get_movement_for_user(request, pk, perm=MOVEMENTS_MANAGE)
    if movement.is_closed:
        messages.error(
            request, _("“%(name)s” is closed: its plan can no longer change.") % {"name": movement.name}
        )
        return redirect("movements:detail", pk=movement.pk)
    return _plan_page(request, movement=movement, parent=None)


def _step(request, pk: int, service, done: str):
    """POST: run the transition; GET (a reloaded or shared link) only leads back to the movement."""
    movement = get_movement_for_user(request, pk, perm=MOVEMENTS_MANAGE, rows=False)
    if request.method != "POST":
        return redirect("movements:detail", pk=movement.pk)
    try:
        service(actor=request.user, movement=movement)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("movements:detail", pk=movement.pk)


@require_http_methods(["GET", "POST"])
def movement_publish_view(request, pk: int):
    return _step(request, pk, movement_publish, _("Published: the units below now see this movement."))


@require_http_methods(["GET", "POST"])
def movement_close_view(request, pk: int):
    return _step(request, pk, movement_close, _("The movement is closed."))


@require_http_methods(["GET", "POST"])
def movement_delete_view(request, pk: int):
    movement = get_movement_for_user(request, pk, perm=MOVEMENTS_MANAGE, rows=False)
    if request.method != "POST":
        return redirect("movements:detail", pk=movement.pk)
    try:
        movement_delete(actor=request.user, movement=movement)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("movements:detail", pk=movement.pk)
    messages.success(request, _("The draft is deleted."))
    return redirect("movements:list")


def movement_dashboard_view(request, pk: int):
    movement = get_movement_for_user(request, pk, rows=False)
    today = today_vn()
    progress = target_progress(movement=movement, user=request.user, today=today)
    context = {
        "movement": movement,
        "progress": progress,
        "today": today,
        "only_late": request.GET.get("late") == "1",
    }
    if context["only_late"]:
        progress.rows = [(unit, cells) for unit, cells in progress.rows if any(c.late for c in cells)]
    if request.htmx and request.htmx.target == "dashboard":
        return render(request, "movements/dashboard.html#grid", context)
    return render(request, "movements/dashboard.html", context)


def target_report_view(request, pk: int):
    """A unit's reports on one target, and (for those who report for it) the form to add or correct one."""
    target = get_target_for_user(request, pk)
    movement = target.movement
    today = today_vn()
    report_units = target_report_units(target=target, user=request.user)
    view_scope = scope_unit_ids(request.user, MOVEMENTS_VIEW)
    raw_unit = request.POST.get("unit") or request.GET.get("unit")
    unit = next((u for u in report_units if str(u.pk) == str(raw_unit)), None)
    if unit is None and raw_unit:
        unit = Unit.objects.filter(pk=raw_unit if str(raw_unit).isdigit() else 0, id__in=view_scope).first()
        if unit is None:
            raise Http404
    unit = unit or (report_units[0] if report_units else None)
    periods = [p for p in target_periods(target, movement=movement) if p.start <= today]
    if unit is not None:
        periods = [p for p in periods if unit_expected_in(unit, p)]
    form = None
    if unit is not None and unit in report_units:
        initial = {"unit": unit.pk, "period": periods[-1].key if periods else None}
        form = TargetReportForm(request.POST or None, units=report_units, periods=periods, initial=initial)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                target_report_submit(
                    actor=request.user,
                    target=target,
                    unit=form.units[data["unit"]],
                    period_start=form.periods[data["period"]].start,
                    value=data["value"],
                    note=data["note"],
                    evidence=data["evidence"],
                    today=today,
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The figure is recorded."))
                return redirect(f"{request.path}?unit={data['unit']}")
    elif request.method == "POST":
        raise Http404
    reports = target_unit_reports(target=target, unit=unit) if unit is not None else []
    for report in reports:
        report.met = target.is_met(report.value)
    audit = []
    if reports and has_perm(request.user, AUDIT_VIEW):
        audit = list(
            audit_entries_for(target, related=[("movements.targetreport", [r.pk for r in reports])])[:50]
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "movements/target_report.html",
        {
            "target": target,
            "movement": movement,
            "unit": unit,
            "reports": reports,
            "form": form,
            "audit": audit,
            "today": today,
        },
        status=status,
    )
