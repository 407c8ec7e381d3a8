from __future__ import annotations

from django.urls import path

from ..views import ideas as idea_views
from ..views import reports as views

urlpatterns = [
    path("<int:pk>/verslag/", views.report, name="report"),
    path("<int:pk>/verslag/bestand/", views.report_file_add, name="report_file_add"),
    path("<int:pk>/verslag/bestand/<int:file_pk>/weg/", views.report_file_delete, name="report_file_delete"),
    path("<int:pk>/verslag/publiceren/", views.report_publish, name="report_publish"),
    path("<int:pk>/ideeen/", idea_views.ideas, name="ideas"),
]
