from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


def _organises(user) -> bool:
    from .permissions.events import can_organise  # models are not loaded yet when this module is

    return bool(user and user.is_authenticated and can_organise(user))


class AgendaConfig(AppConfig):
    name = "veerkracht.agenda"
    label = "agenda"
    verbose_name = _("Agenda")
    nav_items = (
        NavItem(_("Agenda"), "agenda:list", order=33, prefix="/agenda/"),
        NavItem(
            _("Mijn bijeenkomsten"),
            "agenda:organise",
            order=34,
            visible=_organises,
            prefix="/agenda/organiseren/",
        ),
    )
