from django.http import Http404
from django.shortcuts import get_object_or_404, render

from tdkt.accounts.models import RoleAssignment
from tdkt.core.models import Job
from tdkt.core.timeutil import today_vn


def home(request):
    roles = RoleAssignment.objects.filter(user=request.user).select_related("unit").order_by("unit__path")
    jobs = Job.objects.filter(created_by=request.user)[:5]
    return render(request, "core/home.html", {"roles": roles, "jobs": jobs, "today": today_vn()})


def job_detail(request, pk):
    """A job's progress page; htmx polls its #progress partial until the job ends."""
    job = get_object_or_404(Job, pk=pk)
    if job.created_by_id != request.user.pk:
        raise Http404
    template = "core/job_detail.html#progress" if request.htmx else "core/job_detail.html"
    return render(request, template, {"job": job})
