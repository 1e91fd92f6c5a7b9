from django.urls import path

from tdkt.decisions import views

app_name = "decisions"
urlpatterns = [
    path("", views.decision_list_view, name="list"),
    path("new/", views.decision_create_view, name="create"),
    path("<int:pk>/", views.decision_detail_view, name="detail"),
    path("<int:pk>/nominations/", views.decision_add_nominations_view, name="add_nominations"),
    path("<int:pk>/lines/add/", views.decision_add_line_view, name="add_line"),
    path("lines/<int:pk>/remove/", views.decision_remove_line_view, name="remove_line"),
    path("<int:pk>/issue/", views.decision_issue_view, name="issue"),
    path("<int:pk>/delete/", views.decision_delete_view, name="delete"),
    path("<int:pk>/amend/", views.decision_amend_view, name="amend"),
    path("<int:pk>/document.<str:extension>", views.decision_document_view, name="document"),
    path("<int:pk>/payments.xlsx", views.decision_payments_view, name="payments"),
    path("<int:pk>/certificates/", views.certificates_batch_view, name="certificates"),
    path("certificates/<uuid:job>/", views.certificates_download_view, name="certificates_download"),
    path("lines/<int:pk>/certificate.pdf", views.certificate_view, name="certificate"),
]
