"""Rounds and nominations: the rounds list and form, the round page, adding from the eligibility list, foreign
nominees, the nomination page and its workflow steps. Thin: access helpers fetch and scope, services write,
selectors read."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from tdkt.accounts.access import get_nomination_for_user, get_round_for_user, units_for_user
from tdkt.accounts.audit import audit_entries_for
from tdkt.accounts.roles import AUDIT_VIEW, NOMINATIONS_PREPARE, NOMINATIONS_VIEW
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import today_vn
from tdkt.eligibility.selectors import review_years
from tdkt.law.vocabulary import LABELS_VI
from tdkt.org.models import UnitKind
from tdkt.records.models import Category

from .forms import (
    AchievementsForm,
    AcknowledgeForm,
    ForeignNomineeForm,
    ListFilterForm,
    ReasonForm,
    RoundEditForm,
    RoundForm,
    TransitionForm,
)
from .models import NominationStatus
from .selectors import (
    list_candidates_get,
    nomination_page_get,
    nominee_achievements,
    round_page_get,
    rounds_for_user,
    units_below,
)
from .services import TRANSITIONS, nominations_submit_ready, step_refusal
from .services_rounds import (
    Pick,
    guard_acknowledge,
    nomination_create_foreign,
    nomination_mark_exception,
    nomination_set_achievements,
    nominations_create_from_list,
    round_create,
    round_update,
)
from .workflow import STEPS

SECTION_LABELS = {
    "rating": gettext_lazy("Rating"),
    "title": gettext_lazy("Title"),
    "award": gettext_lazy("Award"),
    "achievement": gettext_lazy("Initiative or research"),
    "discipline": gettext_lazy("Discipline"),
    "review": gettext_lazy("Under review"),
    "members": gettext_lazy("Members"),
}  # one per evidence.SECTIONS
VERDICT_LABELS = {
    "eligible": gettext_lazy("Eligible"),
    "not_eligible": gettext_lazy("Not eligible"),
    "unknown": gettext_lazy("Insufficient data"),
}
STEP_LABELS = {"create": gettext_lazy("Created"), **{name: step.label for name, step in STEPS.items()}}


def _posted(request):
    """The submitted data on POST (even when empty: an unticked box sends nothing), else None."""
    return request.POST if request.method == "POST" else None


def _apply_errors(form, exc) -> None:
    """Put a service's refusal on the form, beside what the user typed."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return
    message = getattr(exc, "message", None) or exc.messages[0]
    field = getattr(exc, "extra", {}).get("field")
    form.add_error(field if field in form.fields else None, message)


def _preparable_units(request) -> list:
    units = list(
        units_for_user(request.user, NOMINATIONS_PREPARE)
        .filter(valid_to__isnull=True, kind__in=UnitKind.institution_kinds())
        .order_by("path")
    )
    if not units:
        raise Http404
    return units


def allowed_steps(user, nomination) -> list:
    """The workflow steps `user` may take on the nomination now."""
    return [step for step in STEPS.values() if step_refusal(step, actor=user, nomination=nomination) is None]


# -- rounds --------------------------------------------------------------------------------------------------


def round_list_view(request):
    if not has_perm(request.user, NOMINATIONS_VIEW):
        raise Http404
    rounds = list(rounds_for_user(request.user))
    return render(
        request,
        "nominations/round_list.html",
        {"rounds": rounds, "can_prepare": has_perm(request.user, NOMINATIONS_PREPARE)},
    )


def round_create_view(request):
    units = _preparable_units(request)
    today = today_vn()
    form = RoundForm(_posted(request), units=units, years=review_years(today))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round = round_create(
                actor=request.user,
                unit=form.units[data["unit"]],
                year=data["year"],
                category=data["category"],
                name=data["name"],
                occasion=data["occasion"],
                deadline=data["deadline"],
                disclosure_days=data["disclosure_days"],
                today=today,
            )
        except (ApplicationError, ValidationError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The round is open."))
            return redirect("nominations:round_detail", pk=round.pk)
    return render(request, "nominations/round_form.html", {"form": form}, status=400 if form.errors else 200)


def round_edit_view(request, pk: int):
    round = get_round_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    initial = {f: getattr(round, f) for f in ("name", "occasion", "deadline", "disclosure_days")}
    form = RoundEditForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reason = data.pop("reason")
        try:
            round_update(actor=request.user, round=round, reason=reason, **data)
        except (ApplicationError, ValidationError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("nominations:round_detail", pk=round.pk)
    return render(
        request,
        "nominations/round_form.html",
        {"form": form, "round": round},
        status=400 if form.errors else 200,
    )


def round_detail_view(request, pk: int):
    round = get_round_for_user(request, pk)
    today = today_vn()
    context = round_page_get(round=round, today=today, now=timezone.now())
    user = request.user
    for row in context["rows"]:
        row.steps = [s for s in allowed_steps(user, row.nomination) if s.name != "submit" or row.can_submit]
    can_audit = round.unit_id in scope_unit_ids(user, AUDIT_VIEW)
    return render(
        request,
        "nominations/round_detail.html",
        {
            "round": round,
            "today": today,
            "can_prepare": round.unit_id in scope_unit_ids(user, NOMINATIONS_PREPARE),
            "audit": list(audit_entries_for(round)[:50]) if can_audit else [],
            **context,
        },
    )


@require_http_methods(["GET", "POST"])
def round_submit_ready_view(request, pk: int):
    """POST: submit every draft of the round whose guards pass."""
    round = get_round_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    if request.method == "POST":
        try:
            submitted, held = nominations_submit_ready(actor=request.user, round=round, today=today_vn())
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("%(submitted)d nominations submitted; %(held)d drafts wait for a guard to be resolved.")
                % {"submitted": len(submitted), "held": held},
            )
    return redirect("nominations:round_detail", pk=round.pk)


# -- adding nominees -----------------------------------------------------------------------------------------


def round_add_view(request, pk: int):
    """The round unit's eligibility list for one title or form: tick people or collectives and nominate them
    in one step; a nominee the engine does not find eligible needs a written reason."""
    round = get_round_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    today = today_vn()
    departments = units_below(round.unit)
    source = request.POST if request.method == "POST" else request.GET
    filters = ListFilterForm(
        {
            "candidate": source.get("candidate") or "advanced_worker",
            "verdict": source.get("verdict", "eligible"),
            "department": source.get("department", ""),
        },
        departments=departments,
    )
    filters.is_valid()
    data = getattr(filters, "cleaned_data", {})
    candidate = data.get("candidate") or "advanced_worker"
    department = next((u for u in departments if u.pk == data.get("department")), None)
    categories = [
        (c, label) for c, label in Category.choices if c in round.nomination_categories and c != "foreign"
    ]
    category = source.get("category") if source.get("category") in dict(categories) else categories[0][0]
    errors, picked, reasons = {}, set(), {}
    if request.method == "POST":
        picked = set(request.POST.getlist("subject"))
        reasons = {k.removeprefix("reason-"): v for k, v in request.POST.items() if k.startswith("reason-")}
        picks = []
        for key in sorted(picked):
            kind, _sep, raw = key.partition(":")
            if kind in ("person", "collective") and raw.isdigit():
                picks.append(Pick(kind=kind, id=int(raw), reason=reasons.get(key, "")))
        try:
            created = nominations_create_from_list(
                actor=request.user,
                round=round,
                candidate=candidate,
                category=category,
                picks=picks,
                today=today,
            )
        except ApplicationError as exc:
            errors = exc.extra.get("rows", {})
            messages.error(request, exc.message)
        else:
            messages.success(request, _("%(n)d nominations added as drafts.") % {"n": len(created)})
            return redirect("nominations:round_detail", pk=round.pk)
    rows, taken = list_candidates_get(
        round=round, candidate=candidate, verdict=data.get("verdict", "eligible"), department=department
    )
    for r in rows:
        r.key = f"{r.kind}:{r.person_id or r.unit_id}"
        r.taken = r.key in taken
        r.error = errors.get(r.key, "")
        r.picked = r.key in picked
        r.reason = reasons.get(r.key, "")
    context = {
        "round": round,
        "filters": filters,
        "rows": rows,
        "candidate": candidate,
        "categories": categories,
        "category": category,
        "errors": errors,
    }
    if request.htmx and request.htmx.target == "list-rows":
        return render(request, "nominations/round_add.html#rows", context)
    return render(request, "nominations/round_add.html", context, status=400 if errors else 200)


def round_add_foreign_view(request, pk: int):
    round = get_round_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    form = ForeignNomineeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            nomination = nomination_create_foreign(
                actor=request.user, round=round, today=today_vn(), **form.cleaned_data
            )
        except (ApplicationError, ValidationError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("nominations:detail", pk=nomination.pk)
    return render(
        request,
        "nominations/foreign_form.html",
        {"form": form, "round": round},
        status=400 if form.errors else 200,
    )


# -- one nomination ------------------------------------------------------------------------------------------


def nomination_detail_view(request, pk: int):
    nomination = get_nomination_for_user(request, pk)
    today = today_vn()
    context = nomination_page_get(nomination=nomination, today=today)
    user = request.user
    can_edit = nomination.status in (
        NominationStatus.DRAFT,
        NominationStatus.RETURNED,
    ) and nomination.round.unit_id in scope_unit_ids(user, NOMINATIONS_PREPARE)
    steps = allowed_steps(user, nomination)
    assessment = context.get("assessment")
    if assessment is not None and not assessment.can_submit:
        steps = [s for s in steps if s.name not in ("submit", "resubmit")]
    if can_edit and "own_achievements" in context:
        context["achievements_form"] = AchievementsForm(
            initial={"achievements": [a.pk for a in context["achievements"]]},
            choices=context["own_achievements"],
        )
    audit = []
    if nomination.round.unit_id in scope_unit_ids(user, AUDIT_VIEW):
        audit = list(audit_entries_for(nomination)[:100])
    for e in context["events"]:
        e.step_label = STEP_LABELS.get(e.step, e.step)
    for snap in context["snapshots"]:
        snap.step_label = STEP_LABELS.get(snap.step, snap.step)
        snap.verdict_label = VERDICT_LABELS.get((snap.answer or {}).get("verdict"), "")
    return render(
        request,
        "nominations/nomination_detail.html",
        {
            "nomination": nomination,
            "label": LABELS_VI.get(nomination.candidate, nomination.candidate),
            "verdict_at_creation": VERDICT_LABELS.get(nomination.verdict_at_creation, ""),
            "round": nomination.round,
            "steps": steps,
            "can_edit": can_edit,
            "section_labels": SECTION_LABELS,
            "exception_form": ReasonForm(),
            "audit": audit,
            "today": today,
            **context,
        },
    )


def nomination_step_view(request, pk: int, step: str):
    """A workflow step: GET shows what it does and asks for its reason and data; POST takes it."""
    if step not in STEPS:
        raise Http404
    nomination = get_nomination_for_user(request, pk)
    spec = STEPS[step]
    form = TransitionForm(_posted(request), step=spec)
    refusal = step_refusal(spec, actor=request.user, nomination=nomination)
    status = 200
    if request.method == "POST":
        if refusal:
            messages.error(request, refusal)
            return redirect("nominations:detail", pk=nomination.pk)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
            try:
                TRANSITIONS[step](
                    actor=request.user, nomination=nomination, today=today_vn(), **_step_args(spec, data)
                )
            except ApplicationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Done: %(step)s.") % {"step": spec.label})
                return redirect("nominations:detail", pk=nomination.pk)
        status = 400
    context = {
        "nomination": nomination,
        "round": nomination.round,
        "step": spec,
        "form": form,
        "refusal": refusal,
    }
    if step in ("submit", "resubmit") and not refusal:
        context.update(nomination_page_get(nomination=nomination, today=today_vn()))
    return render(request, "nominations/step.html", context, status=status)


def _step_args(step, data: dict) -> dict:
    args = {"reason": data.get("reason", "")}
    if step.needs_outcome:
        args["outcome"] = data.get("outcome", "")
    if step.needs_decision:
        args.update(
            decision_number=data.get("decision_number", ""),
            decision_date=data.get("decision_date"),
            issuer=data.get("issuer", ""),
        )
    return args


@require_http_methods(["GET", "POST"])
def nomination_exception_view(request, pk: int):
    nomination = get_nomination_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    if request.method == "POST":
        form = ReasonForm(request.POST)
        try:
            if not form.is_valid():
                raise ApplicationError(_("Write the reason for the exception."))
            nomination_mark_exception(
                actor=request.user, nomination=nomination, reason=form.cleaned_data["reason"]
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The nomination is kept as an exception, with its reason."))
    return redirect("nominations:detail", pk=nomination.pk)


@require_http_methods(["GET", "POST"])
def nomination_acknowledge_view(request, pk: int):
    nomination = get_nomination_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    if request.method == "POST":
        form = AcknowledgeForm(request.POST)
        try:
            if not form.is_valid():
                raise ApplicationError(_("Write the reason for going on despite the warning."))
            guard_acknowledge(
                actor=request.user,
                nomination=nomination,
                code=form.cleaned_data["code"],
                reason=form.cleaned_data["reason"],
                today=today_vn(),
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The warning is acknowledged; the reason is kept in the history."))
    return redirect("nominations:detail", pk=nomination.pk)


@require_http_methods(["GET", "POST"])
def nomination_achievements_view(request, pk: int):
    nomination = get_nomination_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    if request.method == "POST":
        form = AchievementsForm(request.POST, choices=nominee_achievements(nomination=nomination))
        try:
            if not form.is_valid():
                raise ApplicationError(_("Choose among the nominee's own initiatives and research."))
            nomination_set_achievements(
                actor=request.user,
                nomination=nomination,
                achievements=[form.objects[i] for i in form.cleaned_data["achievements"]],
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Saved."))
    return redirect(reverse("nominations:detail", args=[nomination.pk]) + "#evidence")
