from __future__ import annotations

from django.urls import path

from ..views import library as views

urlpatterns = [
    path("kennisbank/", views.library_list, name="library"),
    path("kennisbank/nieuw/", views.library_create, name="library_create"),
    path("kennisbank/mijn/", views.library_mine, name="library_mine"),
    path("kennisbank/<int:pk>/", views.library_detail, name="library_item"),
    path("kennisbank/<int:pk>/bestand/", views.library_file, name="library_file"),
    path("kennisbank/<int:pk>/wijzigen/", views.library_edit, name="library_edit"),
    path("kennisbank/<int:pk>/beoordelen/", views.library_review, name="library_review"),
    path("kennisbank/<int:pk>/verbergen/", views.library_hide, name="library_hide"),
]
