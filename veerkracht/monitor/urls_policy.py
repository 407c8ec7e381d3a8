"""The policy register, under /monitor/beleid/ in the `monitor` namespace (views_policy.py)."""

from __future__ import annotations

from django.urls import path

from . import views_policy

urlpatterns = [
    path("", views_policy.policy_list, name="policy"),
    path("beleid.csv", views_policy.policy_csv, name="policy_csv"),
    path("<str:code>/", views_policy.policy_detail, name="policy_detail"),
    path("<str:code>/bewerken/", views_policy.policy_edit, name="policy_edit"),
]
