from __future__ import annotations

from django.urls import path

from ..views import events as views

urlpatterns = [
    path("", views.event_list, name="list"),
    path("<int:pk>/", views.event_detail, name="event"),
    path("<int:pk>/uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("<int:pk>/agenda.ics", views.event_ics, name="event_ics"),
]
