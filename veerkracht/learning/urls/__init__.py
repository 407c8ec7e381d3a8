"""The learning app's pages, one module per feature, all in the "learning" namespace under /scholing/."""

from __future__ import annotations

from . import budget, certificates, coaching, elearning, intervision, transfer

app_name = "learning"
urlpatterns: list = [
    *elearning.urlpatterns,
    *transfer.urlpatterns,
    *certificates.urlpatterns,
    *intervision.urlpatterns,
    *coaching.urlpatterns,
    *budget.urlpatterns,
]
