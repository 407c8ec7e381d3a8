"""The community's public pages in sitemap.xml (core collects every app's ``sitemaps``). Each feature
adds its sections in a marked block."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from veerkracht.core.sitemaps import pages_sitemap
from veerkracht.regions.selectors import current_region

from .selectors.library import library_for_sitemap
from .selectors.news import news_for_sitemap
from .selectors.stories import stories_for_sitemap


class _RegionSitemap(Sitemap):
    """Rows (pk, updated_at) of the installation's region from `rows`, at the page named `url_name`."""

    url_name = ""
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def rows(self, region):  # pragma: no cover - overridden
        raise NotImplementedError

    def items(self):
        region = current_region()
        return self.rows(region) if region else []

    def location(self, item) -> str:
        return reverse(self.url_name, args=[item["pk"]])

    def lastmod(self, item):
        return item["updated_at"]


# --- news ---
class NewsSitemap(_RegionSitemap):
    url_name = "community:news_item"

    def rows(self, region):
        return news_for_sitemap(region)


# --- library ---
class LibrarySitemap(_RegionSitemap):
    url_name = "community:library_item"

    def rows(self, region):
        return library_for_sitemap(region)


class StorySitemap(_RegionSitemap):
    url_name = "community:story"

    def rows(self, region):
        return stories_for_sitemap(region)


sitemaps = {
    "community-pages": pages_sitemap(
        "community:stories", "community:news", "community:library", "community:questions"
    ),
    "stories": StorySitemap,
    # --- news ---
    "news": NewsSitemap,
    # --- library ---
    "library": LibrarySitemap,
}
