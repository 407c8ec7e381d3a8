"""The learning app's pages, one module per feature, all in the "learning" namespace under /scholing/."""

from __future__ import annotations

from . import certificates, intervision

app_name = "learning"
urlpatterns: list = [
    *certificates.urlpatterns,
    *intervision.urlpatterns,
]
