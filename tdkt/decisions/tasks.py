"""Background work of decisions: every certificate of a decision, written into one zip."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django_tasks import task

from tdkt.core.jobs import job_finish, job_progress, job_start
from tdkt.core.models import Job

from .certificates import certificates_zip
from .models import Decision
from .selectors import certificate_lines


@task()
def decision_certificates_task(job_id: str) -> dict:
    job = Job.objects.get(pk=job_id)
    decision = Decision.objects.select_related("issuer").get(pk=job.result["decision"])
    try:
        lines = certificate_lines(decision)
        job_start(job, total=len(lines), message=f"Quyết định số {decision.symbol}")
        content = certificates_zip(lines, decision, progress=lambda done: job_progress(job, done=done))
        name = default_storage.save(f"certificates/qd-{decision.pk}-{job.pk}.zip", ContentFile(content))
        job_finish(
            job,
            result={
                "decision": decision.pk,
                "file": name,
                "count": len(lines),
                "summary": f"Đã tạo {len(lines)} giấy chứng nhận của Quyết định số {decision.symbol}.",
                "next_url": reverse("decisions:certificates_download", args=[job.pk]),
            },
        )
    except Exception as exc:
        job_finish(job, result={"decision": decision.pk}, failed=True, message=f"Lỗi hệ thống: {exc}"[:500])
        raise
    return {"count": len(lines)}
