from django.urls import path

from tdkt.movements import views, views_documents, views_inspections

app_name = "movements"
urlpatterns = [
    path("", views.movement_list_view, name="list"),
    path("new/", views.movement_create_view, name="create"),
    path("<int:pk>/", views.movement_detail_view, name="detail"),
    path("<int:pk>/edit/", views.movement_edit_view, name="edit"),
    path("<int:pk>/derive/", views.movement_derive_view, name="derive"),
    path("<int:pk>/publish/", views.movement_publish_view, name="publish"),
    path("<int:pk>/close/", views.movement_close_view, name="close"),
    path("<int:pk>/delete/", views.movement_delete_view, name="delete"),
    path("<int:pk>/targets/", views.movement_dashboard_view, name="dashboard"),
    path("targets/<int:pk>/report/", views.target_report_view, name="report"),
    path("<int:pk>/plan.docx", views_documents.plan_download_view, {"extension": "docx"}, name="plan_docx"),
    path("<int:pk>/plan.pdf", views_documents.plan_download_view, {"extension": "pdf"}, name="plan_pdf"),
    path("<int:pk>/inspections/new/", views_inspections.inspection_create_view, name="inspection_create"),
    path("inspections/<int:pk>/", views_inspections.inspection_detail_view, name="inspection_detail"),
    path("inspections/<int:pk>/edit/", views_inspections.inspection_edit_view, name="inspection_edit"),
    path("inspections/<int:pk>/close/", views_inspections.inspection_close_view, name="inspection_close"),
    path("follow-ups/<int:pk>/status/", views_inspections.follow_up_status_view, name="follow_up_status"),
]
