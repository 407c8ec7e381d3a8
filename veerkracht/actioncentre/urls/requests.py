from __future__ import annotations

from django.urls import path

from ..views import requests as views

app_name = "actioncentre"
urlpatterns = [
    path("", views.home, name="home"),
    path("insturen/", views.intake, name="intake"),
    path("bedankt/", views.thanks, name="thanks"),
    path("volgen/", views.follow, name="follow_page"),
    path("volgen/<str:token>/", views.follow_link, name="follow"),
    path("bord/", views.board, name="board"),
    path("bord/samen/", views.board_bulk, name="board_bulk"),
    path("bord/<int:pk>/", views.request_detail, name="request"),
    path("bord/<int:pk>/status/", views.request_status, name="request_status"),
    path("bord/<int:pk>/toewijzen/", views.request_assign, name="request_assign"),
    path("bord/<int:pk>/notitie/", views.request_note, name="request_note"),
    path("bord/<int:pk>/bericht/", views.request_message, name="request_message"),
]
