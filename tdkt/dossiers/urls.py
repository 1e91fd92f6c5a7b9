from django.urls import path

from tdkt.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("rounds/<int:pk>/", views.round_dossier_view, name="round"),
    path("rounds/<int:pk>/letter/", views.letter_edit_view, name="letter_edit"),
    path("rounds/<int:pk>/letter/issue/", views.letter_issue_view, name="letter_issue"),
    path("rounds/<int:pk>/letter.<str:extension>", views.letter_download_view, name="letter"),
    path("rounds/<int:pk>/package.zip", views.package_download_view, name="package"),
    path("rounds/<int:pk>/received.zip", views.received_download_view, name="received"),
    path("nominations/<int:pk>/report.<str:extension>", views.report_download_view, name="report"),
    path("import/", views.import_view, name="import"),
]
