from django.urls import path

from tdkt.documents import views

app_name = "documents"
urlpatterns = [
    path("register/", views.register_view, name="register"),
    path("register.xlsx", views.register_export_view, name="register_export"),
]
