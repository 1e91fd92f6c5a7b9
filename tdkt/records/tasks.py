"""Background work of the records area."""

from django.core.files.storage import default_storage
from django.urls import reverse
from django_tasks import task

from tdkt.core.jobs import job_finish
from tdkt.core.models import Job
from tdkt.records.imports import records_import


@task()
def records_import_task(job_id: str) -> dict:
    """Run the import stored for `job_id` and record its outcome on the job; the upload is then deleted."""
    job = Job.objects.select_related("created_by").get(pk=job_id)
    given = job.result if isinstance(job.result, dict) else {}
    file_name, kind = given.get("file_name", ""), given.get("kind", "")
    try:
        with default_storage.open(job.input_file, "rb") as stored:
            content = stored.read()
        result = records_import(
            kind=kind, actor=job.created_by, content=content, file_name=file_name, job=job
        )
        if not result["errors"]:
            # the natural next step after new records: see who qualifies now
            result["next_url"] = reverse("eligibility:list")
        job_finish(
            job, result={"file_name": file_name, "kind": kind, **result}, failed=bool(result["errors"])
        )
    except Exception as exc:
        job_finish(job, result=given, failed=True, message=f"Lỗi hệ thống: {exc}"[:500])
        raise
    finally:
        if job.input_file and default_storage.exists(job.input_file):
            default_storage.delete(job.input_file)
    return {key: result[key] for key in ("created", "updated", "unchanged", "error_count")}
