"""People import pages (the import itself lives in people.imports, the background run in people.tasks)."""

import uuid

from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render

from tdkt.accounts.roles import PEOPLE_MANAGE
from tdkt.accounts.scope import has_perm
from tdkt.core.excel import xlsx_response
from tdkt.core.jobs import job_create
from tdkt.core.models import Job
from tdkt.people.forms_import import PeopleImportForm
from tdkt.people.import_template import people_import_template
from tdkt.people.tasks import people_import_task


def import_view(request):
    """Upload a file; the import runs in the background and the job page shows its progress."""
    if not has_perm(request.user, PEOPLE_MANAGE):
        raise Http404
    if request.method != "POST":
        return render(request, "people/import.html", {"form": PeopleImportForm()})
    form = PeopleImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "people/import.html", {"form": form}, status=400)
    upload = form.cleaned_data["file"]
    stored = default_storage.save(f"imports/{uuid.uuid4()}.xlsx", upload)
    job = job_create(
        actor=request.user,
        kind="people_import",
        title=f"Nhập nhân sự từ {upload.name}"[:255],
        input_file=stored,
    )
    Job.objects.filter(pk=job.pk).update(result={"file_name": upload.name})
    people_import_task.enqueue(job_id=str(job.pk))
    return redirect("job_detail", pk=job.pk)


def import_template_view(request):
    if not has_perm(request.user, PEOPLE_MANAGE):
        raise Http404
    return xlsx_response("mau-nhap-nhan-su.xlsx", people_import_template(actor=request.user))
