from django.urls import path

from tdkt.attachments import views

app_name = "attachments"
urlpatterns = [
    path("<slug:target>/<int:pk>/new/", views.attachment_upload_view, name="upload"),
    path("<int:pk>/", views.attachment_download_view, name="download"),
    path("<int:pk>/delete/", views.attachment_delete_view, name="delete"),
]
