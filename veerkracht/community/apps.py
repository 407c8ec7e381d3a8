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
        # --- newsletter ---
        NavItem(_("Nieuwsbrief"), "community:newsletter_archive", order=75, prefix="/nieuwsbrief/"),
    )
