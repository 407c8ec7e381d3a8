from __future__ import annotations

from django.urls import path

from ..views import moderation as views

# Under /initiatieven/, next to urls/initiatives.py ("goedkeuren" is a reserved slug there).
app_name = "moderation"
urlpatterns = [
    path("goedkeuren/tekst/<int:pk>/", views.revision_review, name="revision_review"),
    path("goedkeuren/nieuws/<int:pk>/", views.update_review, name="update_review"),
    path("<slug:slug>/wijzigingen/", views.history, name="history"),
    path("<slug:slug>/wijzigingen/intrekken/", views.revision_withdraw, name="revision_withdraw"),
    path("<slug:slug>/nieuws/<int:pk>/intrekken/", views.update_withdraw, name="update_withdraw"),
    path("<slug:slug>/nieuws/<int:pk>/foto/", views.waiting_photo, name="waiting_photo"),
]
