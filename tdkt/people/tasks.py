"""Background work of the people area."""

from django.core.files.storage import default_storage
from django.urls import reverse
from django_tasks import task

from tdkt.core.jobs import job_finish
from tdkt.core.models import Job
from tdkt.people.imports import people_import


@task()
def people_import_task(job_id: str) -> dict:
    """Run the import stored for `job_id` and record its outcome on the job; the upload is then deleted."""
    job = Job.objects.select_related("created_by").get(pk=job_id)
    file_name = job.result.get("file_name", "") if isinstance(job.result, dict) else ""
    try:
        with default_storage.open(job.input_file, "rb") as stored:
            content = stored.read()
        result = people_import(actor=job.created_by, content=content, file_name=file_name, job=job)
        if not result["errors"]:
            result["next_url"] = reverse("people:list")
        job_finish(job, result={"file_name": file_name, **result}, failed=bool(result["errors"]))
    except Exception as exc:
        job_finish(job, result={"file_name": file_name}, failed=True, message=f"Lỗi hệ thống: {exc}"[:500])
        raise
    finally:
        if job.input_file and default_storage.exists(job.input_file):
            default_storage.delete(job.input_file)
    return {key: result[key] for key in ("created", "updated", "unchanged", "error_count")}
