from __future__ import annotations

from django.urls import path

from ..views import coverage as views

urlpatterns = [
    path("dekking/", views.coverage, name="coverage"),
]
