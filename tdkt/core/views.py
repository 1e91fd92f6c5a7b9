from django.http import Http404
from django.shortcuts import get_object_or_404, render

from tdkt.accounts.models import RoleAssignment
from tdkt.core.models import Job
from tdkt.core.timeutil import today_vn
from tdkt.movements.selectors_deadlines import HOME_HORIZON_DAYS, upcoming_deadlines


def home(request):
    today = today_vn()
    roles = RoleAssignment.objects.filter(user=request.user).select_related("unit").order_by("unit__path")
    jobs = Job.objects.filter(created_by=request.user)[:5]
    deadlines = upcoming_deadlines(user=request.user, today=today)
    return render(
        request,
        "core/home.html",
        {
            "roles": roles,
            "jobs": jobs,
            "today": today,
            "deadlines": deadlines,
            "horizon_days": HOME_HORIZON_DAYS,
        },
    )


def job_detail(request, pk):
    """A job's progress page; htmx polls its #progress partial until the job ends."""
    job = get_object_or_404(Job, pk=pk)
    if job.created_by_id != request.user.pk:
        raise Http404
    template = "core/job_detail.html#progress" if request.htmx else "core/job_detail.html"
    return render(request, template, {"job": job})
