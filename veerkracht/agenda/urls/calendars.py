from __future__ import annotations

from django.urls import path

from ..views import calendars as views

urlpatterns = [
    path("feed.ics", views.feed, name="feed"),
    path("feed/<slug:slug>.ics", views.feed_subregion, name="feed_subregion"),
]
