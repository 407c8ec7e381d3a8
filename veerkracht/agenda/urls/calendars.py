from __future__ import annotations

from django.urls import path

from ..views import calendars as views

urlpatterns = [
    path("feed.ics", views.feed, name="feed"),
    path("feed/<slug:slug>.ics", views.feed_subregion, name="feed_subregion"),
    path("feed.rss", views.UpcomingRss(), name="feed_rss"),
    path("feed.atom", views.UpcomingAtom(), name="feed_atom"),
]
