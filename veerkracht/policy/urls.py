"""The policy register, mounted at /monitor/beleid/ (it is part of the monitor's section)."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "policy"
urlpatterns = [
    path("", views.policy_list, name="list"),
    path("beleid.csv", views.policy_csv, name="csv"),
    path("<str:code>/", views.policy_detail, name="detail"),
    path("<str:code>/bewerken/", views.policy_edit, name="edit"),
]
