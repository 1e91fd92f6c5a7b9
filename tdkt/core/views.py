from django.http import Http404
from django.shortcuts import get_object_or_404, render

from tdkt.accounts.models import RoleAssignment
from tdkt.core.models import Job
from tdkt.core.timeutil import today_vn
from tdkt.movements.selectors_deadlines import HOME_HORIZON_DAYS, upcoming_deadlines
from tdkt.pledges.selectors import pledges_to_sign, pledges_to_sign_count

HOME_PLEDGES = 5  # pledges to sign listed on the home page; the rest are on "My pledges"


def home(request):
    today = today_vn()
    roles = RoleAssignment.objects.filter(user=request.user).select_related("unit").order_by("unit__path")
    jobs = Job.objects.filter(created_by=request.user)[:5]
    deadlines = upcoming_deadlines(user=request.user, today=today)
    to_sign = pledges_to_sign(user=request.user, limit=HOME_PLEDGES) if request.user.person_id else []
    to_sign_count = len(to_sign) if len(to_sign) < HOME_PLEDGES else pledges_to_sign_count(user=request.user)
    return render(
        request,
        "core/home.html",
        {
            "roles": roles,
            "jobs": jobs,
            "today": today,
            "deadlines": deadlines,
            "horizon_days": HOME_HORIZON_DAYS,
            "to_sign": to_sign,
            "to_sign_count": to_sign_count,
        },
    )


def job_detail(request, pk):
    """A job's progress page; htmx polls its #progress partial until the job ends."""
    job = get_object_or_404(Job, pk=pk)
    if job.created_by_id != request.user.pk:
        raise Http404
    template = "core/job_detail.html#progress" if request.htmx else "core/job_detail.html"
    return render(request, template, {"job": job})
