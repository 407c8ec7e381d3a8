from __future__ import annotations

from django.urls import path

from ..views import groups as views

urlpatterns = [
    path("groepen/", views.my_groups, name="my_groups"),
    path("groepen/nieuw/", views.group_create, name="group_create"),
    path("groepen/<int:pk>/", views.group_detail, name="group"),
    path("groepen/<int:pk>/berichten/", views.post_create, name="group_post_create"),
    path(
        "groepen/<int:pk>/berichten/<int:post_pk>/verwijderen/", views.post_delete, name="group_post_delete"
    ),
    path("groepen/<int:pk>/berichten/<int:post_pk>/melden/", views.post_report, name="group_post_report"),
    path("groepen/<int:pk>/bestanden/", views.file_upload, name="group_file_upload"),
    path("groepen/<int:pk>/bestanden/<int:file_pk>/", views.file_download, name="group_file"),
    path(
        "groepen/<int:pk>/bestanden/<int:file_pk>/verwijderen/", views.file_delete, name="group_file_delete"
    ),
    path("groepen/<int:pk>/leden/", views.members, name="group_members"),
    path("groepen/<int:pk>/leden/uitnodigen/", views.invite, name="group_invite"),
    path("groepen/<int:pk>/leden/nieuwe-link/", views.invite_renew, name="group_invite_renew"),
    path(
        "groepen/<int:pk>/leden/<int:user_pk>/verwijderen/", views.member_remove, name="group_member_remove"
    ),
    path("groepen/<int:pk>/leden/<int:user_pk>/beheerder/", views.member_admin, name="group_member_admin"),
    path("groepen/<int:pk>/bijeenkomsten/", views.meeting_add, name="group_meeting_add"),
    path(
        "groepen/<int:pk>/bijeenkomsten/<int:event_pk>/verwijderen/",
        views.meeting_remove,
        name="group_meeting_remove",
    ),
    path("groepen/<int:pk>/verlaten/", views.leave, name="group_leave"),
    path("groepen/<int:pk>/uitnodiging/<str:token>/", views.join, name="group_join"),
]
