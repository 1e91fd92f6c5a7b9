"""Decision pages: the list, a draft being prepared (awardees from the council's approved nominations or
entered), issuing, the issued decision with its documents, payment list and certificates, and its correction
or revocation by a new decision."""

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tdkt.accounts.access import units_for_user
from tdkt.accounts.roles import DECISIONS_ISSUE, DECISIONS_PREPARE, DECISIONS_VIEW
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.excel import xlsx_bytes, xlsx_response
from tdkt.core.forms import apply_errors
from tdkt.core.jobs import job_create
from tdkt.core.models import Job
from tdkt.core.timeutil import today_vn
from tdkt.documents.docx_render import DOCX_CONTENT_TYPE, render_docx
from tdkt.documents.pdf_render import PDF_CONTENT_TYPE, render_pdf
from tdkt.law.vocabulary import LABELS_VI
from tdkt.org.models import Unit
from tdkt.people.selectors import people_in_units

from . import services
from .access import get_decision_for_user, get_line_for_user
from .bonuses import line_amounts
from .certificates import certificate_pdf
from .documents import decision_document
from .forms import AmendmentForm, DecisionForm, LineForm
from .models import DecisionStatus, SubjectKind
from .selectors import certificate_lines, decision_lines, decisions_list
from .tasks import decision_certificates_task


def _error_text(exc) -> str:
    return getattr(exc, "message", None) or "; ".join(getattr(exc, "messages", [str(exc)]))


def decision_list_view(request):
    if not scope_unit_ids(request.user, DECISIONS_VIEW):
        raise Http404
    decisions = list(decisions_list(request.user)[:200])
    can_prepare = bool(scope_unit_ids(request.user, DECISIONS_PREPARE))
    return render(request, "decisions/list.html", {"decisions": decisions, "can_prepare": can_prepare})


def decision_create_view(request):
    units = list(
        units_for_user(request.user, DECISIONS_PREPARE).filter(valid_to__isnull=True).order_by("path")
    )
    if not units:
        raise Http404
    today = today_vn()
    initial = {
        "date": today,
        "award_year": today.year - 1 if today.month < 7 else today.year,
        "bases": "\n".join(services.DEFAULT_BASES),
        "signer_position": "Giám đốc",
    }
    form = DecisionForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        issuer = form.units.get(data.pop("issuer"))
        try:
            decision = services.decision_create(actor=request.user, issuer=issuer, **data)
        except ApplicationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("decisions:detail", pk=decision.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "decisions/form.html", {"form": form}, status=status)


def decision_detail_view(request, pk: int):
    decision = get_decision_for_user(request, pk)
    lines = decision_lines(decision)
    prepare = decision.issuer_id in scope_unit_ids(request.user, DECISIONS_PREPARE)
    can_issue = decision.issuer_id in scope_unit_ids(request.user, DECISIONS_ISSUE)
    draft = decision.status == DecisionStatus.DRAFT
    approved = list(services.approved_nominations(decision)) if draft and prepare else []
    if draft:  # what the bonuses will be if issued on its date (worked out again when issued)
        awards = [line for line in lines if not line.revokes_id]
        amounts = line_amounts(awards, decided_on=decision.date)
        for line in awards:
            line.amount, line.amount_note = amounts[line.pk]
    for n in approved:
        n.candidate_label = LABELS_VI.get(n.candidate, n.candidate)
    context = {
        "decision": decision,
        "lines": lines,
        "awards": [line for line in lines if not line.revokes_id],
        "revocations": [line for line in lines if line.revokes_id],
        "total": sum(line.amount or 0 for line in lines if not line.revokes_id),
        "prepare": prepare,
        "can_issue": can_issue,
        "draft": draft,
        "approved": approved,
        "amendments": list(decision.amendments.all()),
    }
    return render(request, "decisions/detail.html", context)


def decision_add_nominations_view(request, pk: int):
    decision = get_decision_for_user(request, pk, DECISIONS_PREPARE)
    if request.method != "POST":
        return redirect("decisions:detail", pk=decision.pk)
    picked = set(request.POST.getlist("nomination"))
    chosen = [n for n in services.approved_nominations(decision) if str(n.pk) in picked]
    try:
        if len(chosen) != len(picked):
            raise ApplicationError(_("Some of the chosen nominations cannot be added to this decision."))
        lines = services.decision_add_nominations(actor=request.user, decision=decision, nominations=chosen)
    except ApplicationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("%(count)s awardees added.") % {"count": len(lines)})
    return redirect("decisions:detail", pk=decision.pk)


def decision_add_line_view(request, pk: int):
    decision = get_decision_for_user(request, pk, DECISIONS_PREPARE)
    units = list(
        Unit.objects.filter(path__startswith=decision.issuer.path, valid_to__isnull=True).order_by("path")
    )
    form = LineForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = unit = None
            if data["subject_kind"] == SubjectKind.PERSON:
                person = people_in_units([u.pk for u in units]).filter(cccd=data["cccd"].strip()).first()
                if person is None:
                    raise ApplicationError(
                        _("Nobody with citizen ID %(cccd)s works in %(unit)s.")
                        % {"cccd": data["cccd"], "unit": decision.issuer.name},
                        {"field": "cccd"},
                    )
            else:
                unit = form.units.get(data["unit"])
                if unit is None:
                    raise ApplicationError(_("Choose the collective."), {"field": "unit"})
            services.decision_add_line(
                actor=request.user,
                decision=decision,
                person=person,
                unit=unit,
                candidate=data["candidate"],
                category=data["category"],
            )
        except ApplicationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The awardee is on the decision."))
            return redirect("decisions:detail", pk=decision.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "decisions/line_form.html", {"form": form, "decision": decision}, status=status)


def decision_remove_line_view(request, pk: int):
    line = get_line_for_user(request, pk, DECISIONS_PREPARE)
    if request.method != "POST":
        return redirect("decisions:detail", pk=line.decision_id)
    try:
        services.decision_remove_line(actor=request.user, line=line)
    except ApplicationError as exc:
        messages.error(request, _error_text(exc))
    return redirect("decisions:detail", pk=line.decision_id)


def decision_issue_view(request, pk: int):
    decision = get_decision_for_user(request, pk, DECISIONS_ISSUE)
    if request.method != "POST":
        return redirect("decisions:detail", pk=decision.pk)
    try:
        decision = services.decision_issue(actor=request.user, decision=decision, today=today_vn())
    except ApplicationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("Decision %(number)s is issued.") % {"number": decision.symbol})
    return redirect("decisions:detail", pk=decision.pk)


def decision_delete_view(request, pk: int):
    decision = get_decision_for_user(request, pk, DECISIONS_PREPARE)
    if request.method != "POST":
        return redirect("decisions:detail", pk=decision.pk)
    try:
        services.decision_delete(actor=request.user, decision=decision)
    except ApplicationError as exc:
        messages.error(request, _error_text(exc))
        return redirect("decisions:detail", pk=decision.pk)
    messages.success(request, _("The draft is deleted."))
    return redirect("decisions:list")


def decision_amend_view(request, pk: int):
    """Correct or revoke an issued decision by a new one (Luật Thi đua, khen thưởng, Điều 93)."""
    original = get_decision_for_user(request, pk, DECISIONS_PREPARE)
    if original.status != DecisionStatus.ISSUED:
        raise Http404
    lines = [
        line for line in decision_lines(original) if not line.revokes_id and not hasattr(line, "revoked_by")
    ]
    initial = {
        "date": today_vn(),
        "signer_position": original.signer_position,
        "signer_name": original.signer_name,
        "signer_for": original.signer_for,
    }
    form = AmendmentForm(request.POST or None, lines=lines, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        picked = set(data.pop("lines"))
        try:
            decision = services.amendment_create(
                actor=request.user, original=original, lines=[x for x in lines if x.pk in picked], **data
            )
        except ApplicationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("decisions:detail", pk=decision.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "decisions/amend_form.html", {"form": form, "original": original}, status=status)


def decision_document_view(request, pk: int, extension: str):
    decision = get_decision_for_user(request, pk)
    if extension not in ("docx", "pdf"):
        raise Http404
    render_file, content_type = (
        (render_docx, DOCX_CONTENT_TYPE) if extension == "docx" else (render_pdf, PDF_CONTENT_TYPE)
    )
    doc = decision_document(decision, decision_lines(decision))
    response = HttpResponse(render_file(doc), content_type=content_type)
    name = f"quyet-dinh-{decision.number or 'du-thao'}-{decision.date.year}-{decision.issuer.code}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def decision_payments_view(request, pk: int):
    """The payment list (danh sách chi tiền thưởng) of the decision, as Excel."""
    decision = get_decision_for_user(request, pk)
    lines = [line for line in decision_lines(decision) if not line.revokes_id]
    rows = [
        [
            i,
            line.name,
            line.unit_label,
            line.candidate_label,
            line.year,
            line.amount,
            line.amount_note,
            "",
        ]
        for i, line in enumerate(lines, start=1)
    ]
    rows.append(["", "Tổng cộng", "", "", "", sum(line.amount or 0 for line in lines), "", ""])
    content = xlsx_bytes(
        sheet_title=f"Chi thưởng {decision.symbol or 'dự thảo'}".replace("/", "-"),
        headers=[
            "STT",
            "Họ và tên / Tên tập thể",
            "Chức vụ, đơn vị",
            "Danh hiệu, hình thức",
            "Năm thành tích",
            "Số tiền (đồng)",
            "Ghi chú",
            "Ký nhận",
        ],
        rows=rows,
        column_widths=[6, 30, 36, 32, 10, 16, 40, 14],
    )
    return xlsx_response(f"chi-thuong-qd-{decision.number or 'du-thao'}-{decision.date.year}.xlsx", content)


def certificate_view(request, pk: int):
    line = get_line_for_user(request, pk)
    decision = line.decision
    if line not in certificate_lines(decision):
        raise Http404
    response = HttpResponse(certificate_pdf(line, decision), content_type=PDF_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="giay-chung-nhan-{line.code.hex[:8]}.pdf"'
    return response


def certificates_batch_view(request, pk: int):
    decision = get_decision_for_user(request, pk)
    if decision.status != DecisionStatus.ISSUED:
        raise Http404
    if request.method != "POST":
        return redirect("decisions:detail", pk=decision.pk)
    job = job_create(
        actor=request.user,
        kind="decision_certificates",
        title=_("Certificates of decision %(number)s") % {"number": decision.symbol},
    )
    job.result = {"decision": decision.pk}
    job.save(update_fields=["result"])
    decision_certificates_task.enqueue(job_id=str(job.pk))
    return redirect("job_detail", pk=job.pk)


def certificates_download_view(request, job: str):
    job = get_object_or_404(Job, pk=job, kind="decision_certificates", created_by=request.user)
    name = (job.result or {}).get("file")
    if not name or not default_storage.exists(name):
        raise Http404
    get_decision_for_user(request, job.result["decision"])
    decision = job.result["decision"]
    return FileResponse(
        default_storage.open(name, "rb"), as_attachment=True, filename=f"giay-chung-nhan-qd-{decision}.zip"
    )
