from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


# --- stories ---
def _moderates(user) -> bool:
    from .services.moderation import is_moderator  # models are not loaded yet when this module is

    return is_moderator(user)


# --- end stories ---


class CommunityConfig(AppConfig):
    name = "veerkracht.community"
    label = "community"
    verbose_name = _("Samen leren")
    # Each feature adds its entries (stories, library, questions, groups, newsletter, search).
    nav_items = (
        # --- stories ---
        NavItem(_("Verhalen"), "community:stories", order=36, prefix="/verhalen/"),
        NavItem(_("Moderatie"), "community:moderation", order=90, visible=_moderates, prefix="/moderatie/"),
        # --- end stories ---
    )

    def ready(self) -> None:
        # --- stories ---
        from .selectors import stories  # noqa: F401  (registers the newsletter's section)

        # --- end stories ---
