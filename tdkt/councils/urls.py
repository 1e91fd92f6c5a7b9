from django.urls import path

from tdkt.councils import views

app_name = "councils"
urlpatterns = [
    path("", views.council_list_view, name="list"),
    path("new/", views.council_create_view, name="create"),
    path("vote/", views.vote_view, name="vote"),
    path("<int:pk>/", views.council_detail_view, name="detail"),
    path("<int:pk>/edit/", views.council_edit_view, name="edit"),
    path("<int:pk>/meetings/new/", views.meeting_create_view, name="meeting_create"),
    path("members/<int:pk>/leave/", views.member_leave_view, name="member_leave"),
    path("meetings/<int:pk>/", views.meeting_detail_view, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit_view, name="meeting_edit"),
    path("meetings/<int:pk>/items/add/", views.meeting_items_add_view, name="items_add"),
    path(
        "meetings/<int:pk>/items/nominations/",
        views.meeting_nominations_add_view,
        name="items_add_nominations",
    ),
    path("meetings/<int:pk>/minutes.<str:extension>", views.minutes_download_view, name="minutes"),
    path("meetings/<int:pk>/attendance/", views.attendance_view, name="attendance"),
    path("meetings/<int:pk>/close/", views.meeting_close_view, name="meeting_close"),
    path("items/<int:pk>/remove/", views.item_remove_view, name="item_remove"),
    path("items/<int:pk>/conflicts/", views.conflict_declare_view, name="conflict_declare"),
    path("conflicts/<int:pk>/withdraw/", views.conflict_withdraw_view, name="conflict_withdraw"),
    path("ballots/<int:pk>/open/", views.ballot_open_view, name="ballot_open"),
    path("ballots/<int:pk>/close/", views.ballot_close_view, name="ballot_close"),
    path("ballots/<int:pk>/written/", views.ballot_written_view, name="ballot_written"),
    path("ballots/<int:pk>/cast/", views.ballot_cast_view, name="ballot_cast"),
]
