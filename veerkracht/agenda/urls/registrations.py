from __future__ import annotations

from django.urls import path

from ..views import registrations as views

urlpatterns = [
    path("aanmelding/<str:token>/", views.manage, name="manage"),
]
