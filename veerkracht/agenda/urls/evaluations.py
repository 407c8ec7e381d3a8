from __future__ import annotations

from django.urls import path

from ..views import evaluations as views

urlpatterns = [
    path("evaluatie/<str:token>/", views.evaluate, name="evaluate"),
    path("<int:pk>/evaluatie/", views.evaluation_results, name="evaluation_results"),
    path("reeks/<int:pk>/evaluatie/", views.series_evaluation_results, name="series_evaluation_results"),
]
