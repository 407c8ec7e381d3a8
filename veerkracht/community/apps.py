from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


class CommunityConfig(AppConfig):
    name = "veerkracht.community"
    label = "community"
    verbose_name = _("Samen leren")
    # Each feature adds its entries (stories, library, questions, groups, newsletter, search).
    nav_items = (
        # --- search ---
        NavItem(_("Zoeken"), "community:search", order=90, prefix="/zoeken/"),
        # --- end search ---
    )

    def ready(self) -> None:
        # --- search: follow every write of the searchable models; the words matcher for other apps ---
        from veerkracht.core import search

        from .selectors.search import matching_ids
        from .services.search import connect_migrate, connect_sources

        connect_sources()
        connect_migrate(self)
        search.set_matcher(matching_ids)
        # --- end search ---
