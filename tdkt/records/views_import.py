"""Record import pages: the five kinds, their templates, and one upload form with a kind selector.

The import itself lives in records.imports, the background run in records.tasks."""

import uuid

from django import forms
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.roles import PEOPLE_MANAGE
from tdkt.accounts.scope import has_perm
from tdkt.core.excel import xlsx_response
from tdkt.core.jobs import job_create
from tdkt.core.models import Job
from tdkt.people.forms_import import PeopleImportForm
from tdkt.records.import_templates import records_import_template
from tdkt.records.imports import KINDS
from tdkt.records.tasks import records_import_task

KIND_CHOICES = [
    ("ratings", _("Annual ratings")),
    ("achievements", _("Initiatives and research works")),
    ("discipline", _("Discipline")),
    ("leave", _("Long leave")),
    ("past_decisions", _("Commendation decisions already issued")),
]
KIND_HELP = {
    "ratings": _("One row per person and year: the rating, who rated and when."),
    "achievements": _("One row per initiative or research work, with its authors' citizen IDs."),
    "discipline": _("One row per disciplinary decision: level, decision, period."),
    "leave": _("One row per maternity, study, sick or other long leave."),
    "past_decisions": _(
        "One row per title or award conferred on a person or a collective by a past decision "
        "(e.g. 2019–2025)."
    ),
}


class RecordsImportForm(PeopleImportForm):
    """The people upload checks (.xlsx, size, zip signature) plus which kind of record the file holds."""

    kind = forms.ChoiceField(
        label=_("Kind of records"),
        choices=KIND_CHOICES,
        error_messages={
            "required": _("Choose the kind of records."),
            "invalid_choice": _("Choose the kind of records."),
        },
    )
    field_order = ["kind", "file"]


def _page(request, form, status=200):
    kinds = [
        {"key": key, "label": label, "help": KIND_HELP[key], "title": KINDS[key].title}
        for key, label in KIND_CHOICES
    ]
    return render(request, "records/import.html", {"form": form, "kinds": kinds}, status=status)


def import_view(request):
    """Upload a file of one kind; the import runs in the background and the job page shows its progress."""
    if not has_perm(request.user, PEOPLE_MANAGE):
        raise Http404
    if request.method != "POST":
        initial = {"kind": request.GET["kind"]} if request.GET.get("kind") in KINDS else {}
        return _page(request, RecordsImportForm(initial=initial))
    form = RecordsImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, status=400)
    kind = form.cleaned_data["kind"]
    upload = form.cleaned_data["file"]
    stored = default_storage.save(f"imports/{uuid.uuid4()}.xlsx", upload)
    job = job_create(
        actor=request.user,
        kind=f"records_import_{kind}",
        title=f"Nhập {KINDS[kind].title} từ {upload.name}"[:255],
        input_file=stored,
    )
    Job.objects.filter(pk=job.pk).update(result={"file_name": upload.name, "kind": kind})
    records_import_task.enqueue(job_id=str(job.pk))
    return redirect("job_detail", pk=job.pk)


def import_template_view(request, kind: str):
    if not has_perm(request.user, PEOPLE_MANAGE) or kind not in KINDS:
        raise Http404
    return xlsx_response(KINDS[kind].template_name, records_import_template(kind=kind, actor=request.user))
