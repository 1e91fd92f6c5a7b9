"""Record imports (ratings, achievements, discipline, leave, past decisions)."""

from django.urls import path

from tdkt.records import views_import

urlpatterns = [
    path("", views_import.import_view, name="import"),
    path("<slug:kind>/template.xlsx", views_import.import_template_view, name="import_template"),
]
