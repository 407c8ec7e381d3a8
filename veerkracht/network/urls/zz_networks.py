"""A network's own pages, at /netwerk/<slug>/. This module sorts last, so every fixed path of the app
(ambassadeur-worden, partner-worden, dekking, beheer, mijn-…) is matched before a network's short name;
the short name also refuses those words (models/networks.py, RESERVED_SLUGS)."""

from __future__ import annotations

from django.urls import path

from ..views import networks as views

urlpatterns = [
    path("<slug:slug>/", views.network_page, name="network"),
    path("<slug:slug>/bewerken/", views.network_edit, name="network_edit"),
    path("<slug:slug>/doelen/nieuw/", views.goal_create, name="goal_create"),
    path("<slug:slug>/doelen/<int:pk>/bewerken/", views.goal_edit, name="goal_edit"),
    path("<slug:slug>/doelen/<int:pk>/voortgang/", views.goal_progress, name="goal_progress"),
]
