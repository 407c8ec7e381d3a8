from __future__ import annotations

from django.urls import path

from ..views import networks as views

urlpatterns = [
    path("", views.overview, name="networks"),
    path("beheer/netwerken/nieuw/", views.network_create, name="network_create"),
]
