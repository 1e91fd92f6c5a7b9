"""Disclosure pages: publishing a round's list, the unit's disclosed lists with the objection form, answers
to objections, the public portal's list of state-level nominations, and the quotas a province or unit sets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tdkt.accounts.access import (
    get_disclosure_for_user,
    get_objection_for_user,
    get_round_for_user,
    units_for_user,
)
from tdkt.accounts.roles import (
    DISCLOSURE_VIEW,
    NOMINATIONS_DECIDE,
    NOMINATIONS_PREPARE,
    NOMINATIONS_VERIFY,
    NOMINATIONS_VIEW,
)
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import today_vn
from tdkt.org.models import Unit, UnitKind

from .forms import AnswerForm, DiscloseForm, ObjectionForm, QuotaForm
from .selectors import (
    disclosable_get,
    disclosure_page_get,
    disclosures_for_user,
    public_disclosures_get,
    quotas_for_unit,
)
from .services_disclosure import disclosure_publish, objection_answer, objection_file
from .services_rounds import quota_create
from .views import _apply_errors, _posted


def round_disclose_view(request, pk: int):
    """Publish the round's submitted nominations for the disclosure period."""
    round = get_round_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    today = today_vn()
    form = DiscloseForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            disclosure = disclosure_publish(
                actor=request.user, round=round, is_public=form.cleaned_data["is_public"], today=today
            )
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            end = f"{disclosure.ends_on:%d/%m/%Y}"
            messages.success(request, _("The list is published until %(end)s.") % {"end": end})
            return redirect("nominations:disclosure", pk=disclosure.pk)
    return render(
        request,
        "nominations/disclose.html",
        {"round": round, "form": form, "today": today, **disclosable_get(round=round, today=today)},
        status=400 if form.errors else 200,
    )


def disclosure_list_view(request):
    if not has_perm(request.user, DISCLOSURE_VIEW):
        raise Http404
    today = today_vn()
    disclosures = list(disclosures_for_user(request.user)[:100])
    return render(request, "nominations/disclosure_list.html", {"disclosures": disclosures, "today": today})


def disclosure_detail_view(request, pk: int):
    """The disclosed list: anyone of the unit reads it and may object while it is open; the unit's officers
    see every objection and answer it."""
    disclosure = get_disclosure_for_user(request, pk)
    today = today_vn()
    context = disclosure_page_get(disclosure=disclosure)
    form = ObjectionForm(_posted(request), nominations=context["nominations"])
    if request.method == "POST" and form.is_valid():
        chosen = next(n for n in context["nominations"] if n.pk == form.cleaned_data["nomination"])
        try:
            objection_file(
                actor=request.user,
                disclosure=disclosure,
                nomination=chosen,
                text=form.cleaned_data["text"],
                anonymous=form.cleaned_data["anonymous"],
                today=today,
            )
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Your objection is recorded; the unit will answer it."))
            return redirect("nominations:disclosure", pk=disclosure.pk)
    return render(
        request,
        "nominations/disclosure_detail.html",
        {
            "disclosure": disclosure,
            "round": disclosure.round,
            "form": form,
            "today": today,
            "is_open": disclosure.is_open_on(today),
            "can_answer": disclosure.round.unit_id in scope_unit_ids(request.user, NOMINATIONS_PREPARE),
            "answer_form": AnswerForm(),
            **context,
        },
        status=400 if form.errors else 200,
    )


def objection_answer_view(request, pk: int):
    objection = get_objection_for_user(request, pk)
    form = AnswerForm(
        _posted(request),
        initial={"answer": objection.answer, "upheld": "1" if objection.upheld else "0"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            objection_answer(
                actor=request.user,
                objection=objection,
                answer=form.cleaned_data["answer"],
                upheld=form.cleaned_data["upheld"],
            )
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The answer is recorded."))
            return redirect("nominations:disclosure", pk=objection.disclosure_id)
    return render(
        request,
        "nominations/objection_answer.html",
        {"objection": objection, "form": form, "disclosure": objection.disclosure},
        status=400 if form.errors else 200,
    )


@login_not_required
def public_disclosures_view(request):
    """The public portal's page: state-level nominations put out for comment (name, unit, title only)."""
    today = today_vn()
    return render(
        request,
        "nominations/public.html",
        {"published": public_disclosures_get(today=today), "today": today},
    )


def quota_list_view(request):
    """The caps in force for a unit's rounds, and the form to set one (Department officers, unit heads)."""
    if not has_perm(request.user, NOMINATIONS_VIEW):
        raise Http404
    visible = scope_unit_ids(request.user, NOMINATIONS_VIEW)
    raw = request.GET.get("unit")
    if raw:
        if not raw.isdigit() or int(raw) not in visible:
            raise Http404
        unit = get_object_or_404(Unit, pk=int(raw))
    else:
        unit = Unit.objects.filter(id__in=visible, valid_to__isnull=True).order_by("depth", "path").first()
        if unit is None:
            raise Http404
    settable = list(
        Unit.objects.filter(
            id__in=scope_unit_ids(request.user, NOMINATIONS_VERIFY)
            | scope_unit_ids(request.user, NOMINATIONS_DECIDE),
            valid_to__isnull=True,
            kind__in=UnitKind.institution_kinds(),
        ).order_by("path")
    )
    form = QuotaForm(_posted(request), units=settable, initial={"unit": unit.pk}) if settable else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                quota = quota_create(
                    actor=request.user,
                    unit=form.units[data["unit"]],
                    candidate=data["candidate"],
                    share=data["percent"] / 100,
                    base=data["base"],
                    cite=data["cite"],
                    valid_from=data["valid_from"],
                    valid_to=data["valid_to"],
                )
            except ApplicationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("The quota is set."))
                return redirect(f"{request.path}?unit={quota.unit_id}")
    units = list(
        units_for_user(request.user, NOMINATIONS_VIEW)
        .filter(valid_to__isnull=True, kind__in=UnitKind.institution_kinds())
        .order_by("path")
    )
    return render(
        request,
        "nominations/quotas.html",
        {"unit": unit, "units": units, "quotas": quotas_for_unit(unit=unit, today=today_vn()), "form": form},
        status=400 if form is not None and form.errors else 200,
    )
