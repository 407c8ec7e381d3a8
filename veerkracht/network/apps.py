from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Het netwerk: ambassadors, partners, the action centre's support and regional networks with goals."""

    name = "veerkracht.network"
    label = "network"
    verbose_name = _("Netwerk")
    nav_items = ()

    def ready(self) -> None:
        # Features connect their receivers (to the agenda, the action centre, the learning app) on load.
        from . import receivers  # noqa: F401
