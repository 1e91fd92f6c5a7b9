from django.urls import path

from tdkt.people import views, views_import

app_name = "people"
urlpatterns = [
    path("", views.people_list_view, name="list"),
    path("export.xlsx", views.people_export_view, name="export"),
    path("me/", views.my_record_view, name="me"),
    path("import/", views_import.import_view, name="import"),
    path("import/template.xlsx", views_import.import_template_view, name="import_template"),
    path("new/", views.person_create_view, name="create"),
    path("<int:pk>/", views.person_detail_view, name="detail"),
    path("<int:pk>/edit/", views.person_edit_view, name="edit"),
    path("<int:pk>/move/", views.person_move_view, name="move"),
]
