from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from tdkt.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    # the language switch is on the login page too
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("accounts/", include("tdkt.accounts.urls")),
    path("org/", include("tdkt.org.urls")),
    path("people/", include("tdkt.people.urls")),
    path("records/", include("tdkt.records.urls")),
    path("attachments/", include("tdkt.attachments.urls")),
    path("eligibility/", include("tdkt.eligibility.urls")),
    path("documents/", include("tdkt.documents.urls")),
    path("movements/", include("tdkt.movements.urls")),
    path("registrations/", include("tdkt.pledges.urls_registrations")),
    path("pledges/", include("tdkt.pledges.urls")),
    path("nominations/", include("tdkt.nominations.urls")),
    path("councils/", include("tdkt.councils.urls")),
    path("decisions/", include("tdkt.decisions.urls")),
    path("verify/", include("tdkt.decisions.urls_public")),
    path("dossiers/", include("tdkt.dossiers.urls")),
    path("jobs/<uuid:pk>/", core_views.job_detail, name="job_detail"),
]
# Uploaded files (evidence, import files) have no public URL, not even in development: they are
# served by views that check the user's scope (attachments:download).
