"""Progress reporting for background work, written so a web page can poll it."""

from django.db.models import F
from django.utils import timezone

from tdkt.core.models import Job, JobStatus


def job_create(*, actor, kind: str, title: str, input_file: str = "") -> Job:
    return Job.objects.create(
        kind=kind,
        title=title,
        input_file=input_file,
        created_by=actor if actor and actor.is_authenticated else None,
    )


def job_start(job: Job, *, total: int, message: str = "") -> None:
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, total=total, done=0, message=message)


def job_progress(job: Job, *, done: int, message: str = "") -> None:
    """Called from inside the task (outside its data transaction) every few hundred rows."""
    fields = {"done": done}
    if message:
        fields["message"] = message
    Job.objects.filter(pk=job.pk).update(**fields)


def job_advance(job: Job, step: int) -> None:
    Job.objects.filter(pk=job.pk).update(done=F("done") + step)


def job_finish(job: Job, *, result: dict, failed: bool = False, message: str = "") -> None:
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.FAILED if failed else JobStatus.SUCCEEDED,
        result=result,
        message=message,
        finished_at=timezone.now(),
        **({} if failed else {"done": F("total")}),
    )
