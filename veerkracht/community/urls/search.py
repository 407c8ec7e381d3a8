from __future__ import annotations

from django.urls import path

from ..views import search as views

urlpatterns = [
    path("zoeken/", views.search, name="search"),
]
