from __future__ import annotations

from django.urls import path

from ..views import activities as views

urlpatterns = [
    path("activiteiten/", views.year_page, name="activities"),
    path("activiteiten/<int:year>/", views.year_page, name="activities_year"),
    path("activiteiten/<int:year>/overzicht.pdf", views.overview_pdf, name="activities_overview_pdf"),
    path("activiteit/<int:pk>/aanpassen/", views.activity_edit, name="activity_edit"),
    path("activiteit/<int:pk>/weghalen/", views.activity_remove, name="activity_delete"),
]
