from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


def _is_professional(user) -> bool:
    return user.is_authenticated and user.has_role("professional")


class SpiderwebConfig(AppConfig):
    name = "veerkracht.spiderweb"
    label = "spiderweb"
    verbose_name = _("Mijn Positieve Gezondheid")
    nav_items = (
        NavItem(_("Mijn spinnenweb"), "spiderweb:home", order=20, prefix="/mijn-spinnenweb/"),
        NavItem(_("Met mij gedeeld"), "spiderweb:shared_home", order=21, visible=_is_professional),
    )
