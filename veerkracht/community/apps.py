from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem

# The checks import lazily: models are not loaded yet when this module is.


def _in_a_group(user) -> bool:
    from .selectors.groups import is_member_of_any_group

    return is_member_of_any_group(user)


def _moderates(user) -> bool:
    from .services.moderation import is_moderator

    return is_moderator(user)


class CommunityConfig(AppConfig):
    name = "veerkracht.community"
    label = "community"
    verbose_name = _("Samen leren")
    nav_items = (
        NavItem(_("Verhalen"), "community:stories", order=36, prefix="/verhalen/", section="learn"),
        NavItem(_("Nieuws"), "community:news", order=40, prefix="/nieuws/", section="learn"),
        NavItem(_("Kennisbank"), "community:library", order=41, prefix="/kennisbank/", section="learn"),
        NavItem(_("Vragen"), "community:questions", order=52, prefix="/vragen/"),
        NavItem(_("Mijn groepen"), "community:my_groups", order=53, visible=_in_a_group, prefix="/groepen/"),
        NavItem(
            _("Nieuwsbrief"),
            "community:newsletter_archive",
            order=75,
            prefix="/nieuwsbrief/",
            section="learn",
        ),
        NavItem(
            _("Moderatie"),
            "community:moderation",
            order=90,
            visible=_moderates,
            prefix="/moderatie/",
            section="work",
        ),
        NavItem(_("Zoeken"), "community:search", order=95, prefix="/zoeken/", section="learn"),
    )

    def ready(self) -> None:
        # The features register their newsletter sections (digest.py) when their selectors load.
        # Search follows every write of the searchable models, and gives other apps its words matcher.
        from veerkracht.core import search

        from .selectors import questions, stories  # noqa: F401
        from .selectors.search import matching_ids
        from .services.search import connect_account_deletion, connect_migrate, connect_sources

        connect_sources()
        connect_migrate(self)
        connect_account_deletion()
        search.set_matcher(matching_ids)
