from django.urls import path

from tdkt.org import views

app_name = "org"
urlpatterns = [
    path("", views.unit_tree_view, name="tree"),
    path("export.xlsx", views.unit_tree_export_view, name="export"),
    path("new/", views.unit_create_view, name="create"),
    path("reorganise/", views.unit_reorganise_view, name="reorganise"),
    path("<int:pk>/", views.unit_detail_view, name="detail"),
    path("<int:pk>/edit/", views.unit_edit_view, name="edit"),
]
