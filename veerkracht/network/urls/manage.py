from __future__ import annotations

from django.urls import path

from ..views import manage as views

urlpatterns = [
    path("beheer/", views.home, name="manage"),
]
