"""The learning app's pages, one module per feature, all in the "learning" namespace under /scholing/."""

from __future__ import annotations

from . import budget, catalogue, certificates, coaching, elearning, enrolments, intervision, transfer

app_name = "learning"
urlpatterns: list = [
    *enrolments.urlpatterns,
    *catalogue.urlpatterns,
    *elearning.urlpatterns,
    *transfer.urlpatterns,
    *certificates.urlpatterns,
    *intervision.urlpatterns,
    *coaching.urlpatterns,
    *budget.urlpatterns,
    *catalogue.last_urlpatterns,  # keep last: /scholing/<course>/
]
