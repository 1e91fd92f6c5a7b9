from django.urls import path

from tdkt.movements import views, views_documents, views_inspections, views_reviews

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
    path("<int:pk>/reviews/new/", views_reviews.review_create_view, name="review_create"),
    path("reviews/<int:pk>/", views_reviews.review_detail_view, name="review_detail"),
    path("reviews/<int:pk>/edit/", views_reviews.review_edit_view, name="review_edit"),
    path("reviews/<int:pk>/issue/", views_reviews.review_issue_view, name="review_issue"),
    path("reviews/<int:pk>/correct/", views_reviews.review_correct_view, name="review_correct"),
    path("reviews/<int:pk>/delete/", views_reviews.review_delete_view, name="review_delete"),
    path(
        "reviews/<int:pk>/report.docx",
        views_reviews.review_download_view,
        {"extension": "docx"},
        name="review_docx",
    ),
    path(
        "reviews/<int:pk>/report.pdf",
        views_reviews.review_download_view,
        {"extension": "pdf"},
        name="review_pdf",
    ),
]
