"""The dossier pages: the round's dossier (letter, checklist, downloads), the documents as .docx and PDF,
the forwarding package, and the import of a lower level's package. Thin: access helpers fetch and scope,
services write, documents and checklist read."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.access import get_nomination_for_user, get_round_for_user, units_for_user
from tdkt.accounts.roles import NOMINATIONS_PREPARE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import today_vn
from tdkt.documents.docx_render import DOCX_CONTENT_TYPE, render_docx
from tdkt.documents.pdf_render import PDF_CONTENT_TYPE, render_pdf
from tdkt.org.models import UnitKind

from .checklist import round_checklist
from .documents import (
    achievement_report_document,
    dossier_nominations,
    letter_filename,
    report_data,
    report_filename,
    submission_letter_document,
)
from .forms import ImportForm, LetterForm
from .models import ReceivedPackage
from .package import build_package, package_filename, package_import
from .services import LETTER_FIELDS, letter_for, letter_issue, letter_save

RENDERERS = {"docx": (render_docx, DOCX_CONTENT_TYPE), "pdf": (render_pdf, PDF_CONTENT_TYPE)}


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def round_dossier_view(request, pk: int):
    round = get_round_for_user(request, pk)
    today = today_vn()
    letter = letter_for(round)
    can_prepare = round.unit_id in scope_unit_ids(request.user, NOMINATIONS_PREPARE)
    form = None
    if can_prepare and not letter.is_issued:
        form = LetterForm(initial={f: getattr(letter, f) for f in LETTER_FIELDS})
    checklist = round_checklist(round, today=today)
    return render(
        request,
        "dossiers/round.html",
        {
            "round": round,
            "letter": letter,
            "form": form,
            "checklist": checklist,
            "carried": len(dossier_nominations(round)),
            "can_prepare": can_prepare,
        },
    )


def letter_edit_view(request, pk: int):
    round = get_round_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    letter = letter_for(round)
    form = LetterForm(
        request.POST if request.method == "POST" else None,
        initial={f: getattr(letter, f) for f in LETTER_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            letter_save(actor=request.user, round=round, **form.cleaned_data)
        except ApplicationError as exc:
            field = exc.extra.get("field")
            form.add_error(field if field in form.fields else None, exc.message)
        else:
            messages.success(request, _("The submission letter is saved."))
            return redirect("dossiers:round", pk=round.pk)
    return render(
        request,
        "dossiers/letter_form.html",
        {"round": round, "letter": letter, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def letter_issue_view(request, pk: int):
    """POST: issue the round's letter (GET only leads back to the dossier)."""
    round = get_round_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    if request.method != "POST":
        return redirect("dossiers:round", pk=round.pk)
    try:
        letter = letter_issue(actor=request.user, round=round, today=today_vn())
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Submission letter no. %(reference)s is issued.") % {"reference": letter.reference}
        )
    return redirect("dossiers:round", pk=round.pk)


def letter_download_view(request, pk: int, extension: str):
    if extension not in RENDERERS:
        raise Http404
    round = get_round_for_user(request, pk)
    letter = letter_for(round)
    nominations = (
        list(letter.nominations.select_related("person", "unit__parent", "home"))
        if letter.is_issued
        else dossier_nominations(round)
    )
    nominations.sort(key=lambda n: (n.candidate, n.kind != "collective", n.name, n.pk))
    render_fn, content_type = RENDERERS[extension]
    document = submission_letter_document(letter, nominations, today=today_vn())
    return _download(render_fn(document), content_type, letter_filename(letter, extension))


def report_download_view(request, pk: int, extension: str):
    if extension not in RENDERERS:
        raise Http404
    nomination = get_nomination_for_user(request, pk)
    today = today_vn()
    letter = letter_for(nomination.round)
    data = report_data([nomination], today=today)[nomination.pk]
    document = achievement_report_document(data, place=letter.place, date=letter.issued_on, year=today.year)
    render_fn, content_type = RENDERERS[extension]
    return _download(render_fn(document), content_type, report_filename(nomination, extension))


def package_download_view(request, pk: int):
    round = get_round_for_user(request, pk, perm=NOMINATIONS_PREPARE)
    try:
        content = build_package(round=round, today=today_vn(), actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("dossiers:round", pk=round.pk)
    return _download(content, "application/zip", package_filename(round))


def received_download_view(request, pk: int):
    """The package a lower level sent, as it was imported (its own tờ trình, reports and evidence files)."""
    round = get_round_for_user(request, pk)
    package = ReceivedPackage.objects.filter(round=round).first()
    if package is None:
        raise Http404
    with package.file.open("rb") as fh:
        content = fh.read()
    return _download(content, "application/zip", f"goi-ho-so-nhan-{round.pk}.zip")


def import_view(request):
    units = list(
        units_for_user(request.user, NOMINATIONS_PREPARE)
        .filter(valid_to__isnull=True, kind__in=UnitKind.institution_kinds())
        .order_by("path")
    )
    if not units:
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None, units=units)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["package"]
        try:
            package = package_import(
                actor=request.user,
                unit=form.units[form.cleaned_data["unit"]],
                content=upload.read(),
                filename=upload.name,
                today=today_vn(),
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
            problems = exc.extra.get("problems", [])
        else:
            messages.success(
                request,
                _("%(n)d nominations imported from the package of %(unit)s.")
                % {"n": package.items.count(), "unit": package.source_unit_name},
            )
            return redirect("nominations:round_detail", pk=package.round_id)
    received = (
        ReceivedPackage.objects.filter(round__unit__in=units)
        .select_related("round", "imported_by")
        .order_by("-imported_at")[:50]
    )
    return render(
        request,
        "dossiers/import.html",
        {"form": form, "problems": problems, "received": received},
        status=400 if form.errors else 200,
    )
