"""The project's URLs plus /bench/bare/, the baseline for the people-list load test."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


@login_not_required
def bare_view(request):
    """The cheapest Django response: full middleware stack, no template, no query."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [*project_urlpatterns, path("bench/bare/", bare_view, name="bench_bare")]
