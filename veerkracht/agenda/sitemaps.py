"""The agenda's pages in sitemap.xml (core collects every app's ``sitemaps``)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from veerkracht.core.sitemaps import pages_sitemap
from veerkracht.regions.selectors import current_region

from .selectors.calendars import public_events_for_sitemap


class SessionSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        region = current_region()
        return public_events_for_sitemap(region) if region else []

    def location(self, item) -> str:
        return reverse("agenda:event", args=[item["pk"]])

    def lastmod(self, item):
        return item["updated_at"]


sitemaps = {"agenda": pages_sitemap("agenda:list"), "sessions": SessionSitemap}
