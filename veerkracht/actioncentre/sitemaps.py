"""Public initiatives in sitemap.xml (core collects every app's ``sitemaps``)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from veerkracht.core.sitemaps import pages_sitemap
from veerkracht.regions.selectors import current_region

from .selectors.initiatives import public_initiatives_for_sitemap


class InitiativeSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7
    limit = 5000

    def items(self):
        region = current_region()
        return public_initiatives_for_sitemap(region) if region else []

    def location(self, item) -> str:
        return reverse("initiatives:detail", args=[item["slug"]])

    def lastmod(self, item):
        return item["updated_at"]


sitemaps = {"initiative-pages": pages_sitemap("initiatives:list"), "initiatives": InitiativeSitemap}
