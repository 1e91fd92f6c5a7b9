from django.urls import path

from tdkt.decisions import views_public

app_name = "verify"
urlpatterns = [
    path("<str:code>/", views_public.certificate_verify_view, name="certificate"),
]
