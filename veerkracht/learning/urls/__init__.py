"""The learning app's pages, one module per feature, all in the "learning" namespace under /scholing/."""

from __future__ import annotations

from . import budget, coaching

app_name = "learning"
urlpatterns: list = [
    *coaching.urlpatterns,
    *budget.urlpatterns,
]
