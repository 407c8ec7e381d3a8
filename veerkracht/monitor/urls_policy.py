from __future__ import annotations

urlpatterns: list = []  # the policy register's pages (views_policy.py)
