from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


def _is_staff(user) -> bool:
    # Imported here: apps.py loads before the models the predicate module needs.
    from veerkracht.accounts.permissions import is_actioncentre_staff

    return is_actioncentre_staff(user)


class ActioncentreConfig(AppConfig):
    name = "veerkracht.actioncentre"
    label = "actioncentre"
    verbose_name = _("Actiecentrum")
    nav_items = (
        NavItem(_("Actiecentrum"), "actioncentre:home", order=30, prefix="/actiecentrum/"),
        NavItem(_("Initiatieven"), "initiatives:list", order=31, prefix="/initiatieven/"),
        NavItem(_("Verbinden"), "connect:home", order=32, prefix="/verbinden/"),
        NavItem(
            _("Bord"),
            "actioncentre:board",
            order=40,
            visible=_is_staff,
            prefix="/actiecentrum/bord/",
            section="work",
        ),
    )

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers
