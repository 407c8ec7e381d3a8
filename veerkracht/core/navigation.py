"""The main navigation shows only modules that exist.

Each app declares `nav_items` on its AppConfig; the context processor collects them in `order`, grouped
in a few sections (SECTIONS) so a long menu stays readable on a phone. A module that is not installed
simply has no entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The menu's sections, in this order; an item names its section (default: by its order, see below).
SECTIONS = {
    "health": _("Jouw gezondheid"),
    "together": _("Samen doen"),
    "learn": _("Lezen en leren"),
    "work": _("Voor je werk"),
}


def _always(user) -> bool:
    return True


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int = 100
    visible: Callable[[object], bool] = _always
    # A page belongs to this item when its path starts with this prefix (for aria-current).
    prefix: str | None = None
    section: str = ""  # a key of SECTIONS; empty: "health" below order 30, else "together"

    @property
    def section_key(self) -> str:
        return self.section or ("health" if self.order < 30 else "together")


@cache
def all_nav_items() -> tuple[NavItem, ...]:
    items = [item for config in apps.get_app_configs() for item in getattr(config, "nav_items", ())]
    sections = list(SECTIONS)
    return tuple(sorted(items, key=lambda i: (sections.index(i.section_key), i.order)))


def nav_for(request) -> list[dict]:
    from django.contrib.auth.models import AnonymousUser

    # Error pages can render before the authentication middleware has run.
    user = getattr(request, "user", None) or AnonymousUser()
    path = request.path
    entries = []
    for item in all_nav_items():
        if not item.visible(user):
            continue
        url = reverse(item.url_name)
        prefix = item.prefix or url
        matches = path == url if prefix == "/" else path.startswith(prefix)
        entries.append(
            {
                "label": item.label,
                "url": url,
                "current": matches,
                "prefix": len(prefix),
                "section": SECTIONS[item.section_key],
            }
        )
    # Only the most specific match is current (/actiecentrum/bord/ is "Bord", not also "Actiecentrum").
    longest = max((e["prefix"] for e in entries if e["current"]), default=None)
    for entry in entries:
        entry["current"] = entry["current"] and entry.pop("prefix") == longest
        entry.pop("prefix", None)
    return entries
