from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


class AgendaConfig(AppConfig):
    name = "veerkracht.agenda"
    label = "agenda"
    verbose_name = _("Agenda")
    nav_items = (NavItem(_("Agenda"), "agenda:list", order=33, prefix="/agenda/"),)
