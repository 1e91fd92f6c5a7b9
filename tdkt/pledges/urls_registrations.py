"""Registrations (đăng ký thi đua) of a movement."""

from django.urls import path

from tdkt.pledges import views_registrations as views

app_name = "registrations"
urlpatterns = [
    path("movement/<int:pk>/", views.registration_list_view, name="list"),
    path("movement/<int:pk>/export.xlsx", views.registration_export_view, name="export"),
    path("movement/<int:pk>/register/", views.registration_register_view, name="register"),
    path("movement/<int:pk>/bulk/", views.registration_bulk_view, name="bulk"),
    path("movement/<int:pk>/collectives/", views.registration_collectives_view, name="collectives"),
    path("<int:pk>/withdraw/", views.registration_withdraw_view, name="withdraw"),
]
