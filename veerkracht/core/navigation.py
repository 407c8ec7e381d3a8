"""The main navigation shows only modules that exist.

Each app declares `nav_items` on its AppConfig; the context processor collects them in `order`.
A module that is not installed simply has no entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import reverse


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


@cache
def all_nav_items() -> tuple[NavItem, ...]:
    items = [item for config in apps.get_app_configs() for item in getattr(config, "nav_items", ())]
    return tuple(sorted(items, key=lambda i: i.order))


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
        entries.append({"label": item.label, "url": url, "current": matches, "prefix": len(prefix)})
    # Only the most specific match is current (/actiecentrum/bord/ is "Bord", not also "Actiecentrum").
    longest = max((e["prefix"] for e in entries if e["current"]), default=None)
    for entry in entries:
        entry["current"] = entry["current"] and entry.pop("prefix") == longest
        entry.pop("prefix", None)
    return entries
