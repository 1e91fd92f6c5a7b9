"""Review pages: start a sơ kết or the tổng kết, edit the draft (texts, comments on the results, proposals),
issue it, correct an issued one by a new version, delete a draft, download the report. The unit running
the movement writes its reviews; an issued review is read by all who see the movement (others get 404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.access import get_movement_for_user, get_movement_review_for_user
from tdkt.accounts.audit import audit_entries_for
from tdkt.accounts.roles import AUDIT_VIEW, MOVEMENTS_MANAGE
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import today_vn
from tdkt.movements.documents import review_document, review_filename
from tdkt.movements.forms_reviews import ReviewForms
from tdkt.movements.models import Review
from tdkt.movements.selectors_inspections import inspected_unit_choices
from tdkt.movements.services_reviews import (
    review_correct,
    review_create,
    review_delete,
    review_issue,
    review_update,
)
from tdkt.movements.views import _apply_errors
from tdkt.movements.views_documents import document_response


def _can_manage(user, review: Review) -> bool:
    return review.movement.unit_id in scope_unit_ids(user, MOVEMENTS_MANAGE)


@require_http_methods(["GET", "POST"])
def review_create_view(request, pk: int):
    """POST kind (and phase for an interim review) from the movement page; opens the new draft."""
    movement = get_movement_for_user(request, pk, perm=MOVEMENTS_MANAGE)
    if request.method != "POST":
        return redirect("movements:detail", pk=movement.pk)
    phase = None
    if request.POST.get("phase"):
        phase = next((p for p in movement.phases.all() if str(p.pk) == request.POST["phase"]), None)
        if phase is None:
            raise Http404
    try:
        review = review_create(
            actor=request.user,
            movement=movement,
            kind=request.POST.get("kind", ""),
            phase=phase,
            today=today_vn(),
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("movements:detail", pk=movement.pk)
    messages.success(request, _("The draft review is started from the latest figures."))
    return redirect("movements:review_edit", pk=review.pk)


def review_detail_view(request, pk: int):
    review = get_movement_review_for_user(request, pk)
    can_manage = _can_manage(request.user, review)
    audit = []
    if can_manage and has_perm(request.user, AUDIT_VIEW):
        audit = list(
            audit_entries_for(
                review,
                related=[
                    ("movements.reviewresult", [r.pk for r in review.results.all()]),
                    ("movements.reviewproposal", [p.pk for p in review.proposals.all()]),
                ],
            )[:100]
        )
    correction = getattr(review, "correction", None) if review.is_issued else None
    return render(
        request,
        "movements/review_detail.html",
        {
            "review": review,
            "movement": review.movement,
            "can_manage": can_manage,
            "result_rows": [(r, None) for r in review.results.all()],
            "correction": correction if correction is None or can_manage or correction.is_issued else None,
            "audit": audit,
        },
    )


def review_edit_view(request, pk: int):
    review = get_movement_review_for_user(request, pk)
    if not _can_manage(request.user, review):
        raise Http404
    if not review.is_draft:
        messages.error(request, _("An issued review cannot change: correct it by a new version."))
        return redirect("movements:review_detail", pk=review.pk)
    units = inspected_unit_choices(movement=review.movement)
    forms = ReviewForms(request.POST if request.method == "POST" else None, review=review, units=units)
    if request.method == "POST" and forms.is_valid():
        refresh = request.POST.get("refresh") == "1"
        try:
            review_update(actor=request.user, review=review, content=forms.content(refresh=refresh))
        except ValidationError as exc:
            _apply_errors(forms.review, exc)
        except ApplicationError as exc:
            forms.review.add_error(None, exc.message)
        else:
            messages.success(request, _("The figures are taken again.") if refresh else _("Saved."))
            if refresh:
                return redirect("movements:review_edit", pk=review.pk)
            return redirect("movements:review_detail", pk=review.pk)
    return render(
        request,
        "movements/review_form.html",
        {"forms": forms, "review": review, "movement": review.movement},
        status=400 if request.method == "POST" else 200,
    )


def _step(request, pk: int, service, done: str, *, back_to_movement: bool = False):
    review = get_movement_review_for_user(request, pk)
    if not _can_manage(request.user, review):
        raise Http404
    if request.method != "POST":
        return redirect("movements:review_detail", pk=review.pk)
    try:
        result = service(review)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("movements:review_detail", pk=review.pk)
    messages.success(request, done)
    if back_to_movement:
        return redirect("movements:detail", pk=review.movement_id)
    return redirect("movements:review_detail", pk=result.pk)


@require_http_methods(["GET", "POST"])
def review_issue_view(request, pk: int):
    return _step(
        request,
        pk,
        lambda r: review_issue(actor=request.user, review=r),
        _("The review is issued with its number."),
    )


@require_http_methods(["GET", "POST"])
def review_correct_view(request, pk: int):
    return _step(
        request,
        pk,
        lambda r: review_correct(actor=request.user, review=r, today=today_vn()),
        _("A new version is drafted: once issued, it replaces this one."),
    )


@require_http_methods(["GET", "POST"])
def review_delete_view(request, pk: int):
    return _step(
        request,
        pk,
        lambda r: review_delete(actor=request.user, review=r),
        _("The draft review is deleted."),
        back_to_movement=True,
    )


def review_download_view(request, pk: int, extension: str):
    review = get_movement_review_for_user(request, pk)
    return document_response(
        review_document(review), extension=extension, filename=review_filename(review, extension)
    )
