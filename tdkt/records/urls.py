from django.urls import include, path

from tdkt.records import views

app_name = "records"

# (URL segment, record kind): each kind is added from its person's page and corrected or deleted by id.
PERSON_RECORDS = [
    ("ratings", "rating"),
    ("achievements", "achievement"),
    ("awards", "award"),
    ("discipline", "discipline"),
    ("reviews", "review"),
    ("leave", "leave"),
]

urlpatterns = [
    path("import/", include("tdkt.records.urls_import")),
    path(
        "units/<int:pk>/ratings/new/",
        views.record_create_view,
        {"kind": "collective_rating"},
        name="collective_rating_create",
    ),
    path(
        "collective-ratings/<int:pk>/edit/",
        views.record_edit_view,
        {"kind": "collective_rating"},
        name="collective_rating_edit",
    ),
    path(
        "collective-ratings/<int:pk>/delete/",
        views.record_delete_view,
        {"kind": "collective_rating"},
        name="collective_rating_delete",
    ),
]
for segment, kind in PERSON_RECORDS:
    urlpatterns += [
        path(
            f"people/<int:pk>/{segment}/new/", views.record_create_view, {"kind": kind}, name=f"{kind}_create"
        ),
        path(f"{segment}/<int:pk>/edit/", views.record_edit_view, {"kind": kind}, name=f"{kind}_edit"),
        path(f"{segment}/<int:pk>/delete/", views.record_delete_view, {"kind": kind}, name=f"{kind}_delete"),
    ]
