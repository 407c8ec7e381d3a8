"""Export and import of a course's content (under the e-learning management pages)."""

from __future__ import annotations

from django.urls import path

from ..views import transfer as views

urlpatterns = [
    path("beheer/e-learning/importeren/", views.import_package, name="transfer_import"),
    path("beheer/e-learning/<int:course_pk>/export/", views.export, name="transfer_export"),
]
