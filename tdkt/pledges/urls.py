"""Pledges and covenants: a movement's progress and rounds, rounds, signing, one's own pledges."""

from django.urls import path

from tdkt.pledges import views

app_name = "pledges"
urlpatterns = [
    path("mine/", views.my_pledges_view, name="mine"),
    path("mine/sign/", views.sign_many_view, name="sign_many"),
    path("movement/<int:pk>/", views.movement_pledges_view, name="movement"),
    path("movement/<int:pk>/rounds/new/", views.round_create_view, name="round_create"),
    path("rounds/<int:pk>/", views.round_detail_view, name="round"),
    path("rounds/<int:pk>/edit/", views.round_edit_view, name="round_edit"),
    path("rounds/<int:pk>/sync/", views.round_sync_view, name="round_sync"),
    path("rounds/<int:pk>/open/", views.round_open_view, name="round_open"),
    path("rounds/<int:pk>/close/", views.round_close_view, name="round_close"),
    path("rounds/<int:pk>/delete/", views.round_delete_view, name="round_delete"),
    path("rounds/<int:pk>/export.xlsx", views.round_export_view, name="round_export"),
    path("<int:pk>/", views.pledge_detail_view, name="detail"),
    path("<int:pk>/sign/", views.pledge_sign_view, name="sign"),
]
