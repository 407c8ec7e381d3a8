from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


# --- groups ---
def _in_a_group(user) -> bool:
    from .selectors.groups import is_member_of_any_group  # models are not loaded yet when this module is

    return is_member_of_any_group(user)


class CommunityConfig(AppConfig):
    name = "veerkracht.community"
    label = "community"
    verbose_name = _("Samen leren")
    # Each feature adds its entries (stories, library, questions, groups, newsletter, search).
    nav_items = (
        # --- questions ---
        NavItem(_("Vragen"), "community:questions", order=52, prefix="/vragen/"),
        # --- groups ---
        NavItem(_("Mijn groepen"), "community:my_groups", order=53, visible=_in_a_group, prefix="/groepen/"),
        # --- newsletter ---
        NavItem(_("Nieuwsbrief"), "community:newsletter_archive", order=75, prefix="/nieuwsbrief/"),
        # --- news ---
        NavItem(_("Nieuws"), "community:news", order=40, prefix="/nieuws/"),
        # --- library ---
        NavItem(_("Kennisbank"), "community:library", order=41, prefix="/kennisbank/"),
    )
