"""Background work of the eligibility area."""

import datetime as dt

from django.urls import reverse
from django.utils.http import urlencode
from django_tasks import task

from tdkt.core.jobs import job_finish
from tdkt.core.models import Job
from tdkt.org.models import Unit

from .services import eligibility_recompute


@task()
def eligibility_recompute_task(job_id: str, unit_id: int, year: int, as_of: str) -> dict:
    """Recompute the unit's stored results for the year and record the outcome on the job."""
    job = Job.objects.get(pk=job_id)
    unit = Unit.objects.get(pk=unit_id)
    try:
        counts = eligibility_recompute(unit=unit, year=year, as_of=dt.date.fromisoformat(as_of), job=job)
    except Exception as exc:
        job_finish(job, result={}, failed=True, message=f"Lỗi hệ thống: {exc}"[:500])
        raise
    summary = (
        f"Đã xét {counts['subjects']} cá nhân, tập thể: {counts['eligible']} kết quả đủ điều kiện, "
        f"{counts['not_eligible']} chưa đủ điều kiện, {counts['unknown']} chưa đủ dữ liệu."
    )
    next_url = reverse("eligibility:list") + "?" + urlencode({"unit": unit.pk, "year": year})
    job_finish(job, result={**counts, "summary": summary, "next_url": next_url})
    return counts
