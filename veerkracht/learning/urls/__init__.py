"""The learning app's pages, one module per feature, all in the "learning" namespace under /scholing/."""

from __future__ import annotations

from . import catalogue, enrolments

app_name = "learning"
urlpatterns: list = [
    *enrolments.urlpatterns,
    *catalogue.urlpatterns,
    *catalogue.last_urlpatterns,  # keep last: /scholing/<course>/
]
