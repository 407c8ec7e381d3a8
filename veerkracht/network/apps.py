from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


def _is_ambassador(user) -> bool:
    from veerkracht.accounts.models import Role

    return user.is_authenticated and user.has_role(Role.AMBASSADOR)


def _is_network_staff(user) -> bool:
    from .permissions import is_network_staff

    return is_network_staff(user)


class NetworkConfig(AppConfig):
    """Het netwerk: ambassadors, partners, the action centre's support and regional networks with goals."""

    name = "veerkracht.network"
    label = "network"
    verbose_name = _("Netwerk")
    # Becoming an ambassador or a partner, and the coverage map, are reached from "Netwerk" and the home
    # page; an ambassador's checklist and pause/stop from "Wat ik doe".
    nav_items = (
        NavItem(_("Netwerk"), "network:networks", order=35, prefix="/netwerk/"),
        NavItem(
            _("Wat ik doe als ambassadeur"),
            "network:activities",
            order=55,
            visible=_is_ambassador,
            prefix="/netwerk/activiteit",
            section="work",
        ),
        NavItem(
            _("Netwerkbeheer"),
            "network:manage",
            order=60,
            visible=_is_network_staff,
            prefix="/netwerk/beheer/",
            section="work",
        ),
    )

    def ready(self) -> None:
        # Features connect their receivers (to the agenda, the action centre, the learning app) on load.
        from . import receivers  # noqa: F401
