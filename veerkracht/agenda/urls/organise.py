from __future__ import annotations

from django.urls import path

from ..views import organise as views

urlpatterns = [
    path("organiseren/", views.organise, name="organise"),
    path("organiseren/nieuw/", views.event_create, name="event_create"),
    path("organiseren/reeks/nieuw/", views.series_create, name="series_create"),
    path("organiseren/reeks/<int:pk>/", views.series_detail, name="series"),
    path("organiseren/<int:pk>/", views.event_edit, name="event_edit"),
    path("organiseren/<int:pk>/afgelasten/", views.event_cancel, name="event_cancel"),
    path("organiseren/<int:pk>/nieuwe-link/", views.event_new_invite, name="event_new_invite"),
]
