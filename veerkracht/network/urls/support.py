from __future__ import annotations

from django.urls import path

from ..views import support as views

urlpatterns = [
    path("beheer/ondersteuning/", views.manage, name="support_manage"),
    path("beheer/ondersteuning/<int:pk>/verwijderen/", views.delete, name="support_delete"),
]
