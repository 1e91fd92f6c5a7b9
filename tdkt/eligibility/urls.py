from django.urls import path

from tdkt.eligibility import views

app_name = "eligibility"
urlpatterns = [
    path("", views.eligibility_list_view, name="list"),
    path("export.xlsx", views.eligibility_export_view, name="export"),
    path("recompute/", views.eligibility_recompute_view, name="recompute"),
]
