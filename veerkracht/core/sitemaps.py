"""sitemap.xml as an extension point: every app ships a ``sitemaps.py`` with a dict ``sitemaps``
({section key: Sitemap class}); core collects them in INSTALLED_APPS order. Core's own pages are here.
Sitemaps list only what anyone may see (public, published, not hidden); each app's selectors decide.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .extensions import app_modules


class PagesSitemap(Sitemap):
    """Fixed pages by URL name (lists, explanations); subclass and set ``names``."""

    names: tuple[str, ...] = ()
    changefreq = "weekly"
    priority = 0.5

    def items(self) -> list[str]:
        return list(self.names)

    def location(self, item: str) -> str:
        return reverse(item)


def pages_sitemap(*names: str) -> type[PagesSitemap]:
    return type("PagesSitemap", (PagesSitemap,), {"names": names})


def collected() -> dict[str, type[Sitemap]]:
    """Every installed app's sitemaps, in INSTALLED_APPS order; a key used twice is a mistake."""
    found: dict[str, type[Sitemap]] = {}
    for module in app_modules("sitemaps"):
        for key, sitemap in getattr(module, "sitemaps", {}).items():
            if key in found:
                raise ValueError(f"two sitemaps are called {key}")
            found[key] = sitemap
    return found


sitemaps = {
    "pages": pages_sitemap(
        "core:home", "core:positive_health", "core:contact", "core:privacy", "core:accessibility"
    )
}
