from django.urls import path

from tdkt.nominations import views, views_disclosure

app_name = "nominations"
urlpatterns = [
    path("", views.round_list_view, name="rounds"),
    path("rounds/new/", views.round_create_view, name="round_create"),
    path("rounds/<int:pk>/", views.round_detail_view, name="round_detail"),
    path("rounds/<int:pk>/edit/", views.round_edit_view, name="round_edit"),
    path("rounds/<int:pk>/add/", views.round_add_view, name="round_add"),
    path("rounds/<int:pk>/add-foreign/", views.round_add_foreign_view, name="round_add_foreign"),
    path("rounds/<int:pk>/submit-ready/", views.round_submit_ready_view, name="round_submit_ready"),
    path("rounds/<int:pk>/disclose/", views_disclosure.round_disclose_view, name="round_disclose"),
    path("<int:pk>/", views.nomination_detail_view, name="detail"),
    path("<int:pk>/step/<slug:step>/", views.nomination_step_view, name="step"),
    path("<int:pk>/exception/", views.nomination_exception_view, name="exception"),
    path("<int:pk>/acknowledge/", views.nomination_acknowledge_view, name="acknowledge"),
    path("<int:pk>/achievements/", views.nomination_achievements_view, name="achievements"),
    path("disclosures/", views_disclosure.disclosure_list_view, name="disclosures"),
    path("disclosures/<int:pk>/", views_disclosure.disclosure_detail_view, name="disclosure"),
    path("objections/<int:pk>/answer/", views_disclosure.objection_answer_view, name="objection_answer"),
    path("quotas/", views_disclosure.quota_list_view, name="quotas"),
    path("public/", views_disclosure.public_disclosures_view, name="public"),
]
