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
        # --- news ---
        NavItem(_("Nieuws"), "community:news", order=40, prefix="/nieuws/"),
        # --- library ---
        NavItem(_("Kennisbank"), "community:library", order=41, prefix="/kennisbank/"),
    )
