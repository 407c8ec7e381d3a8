from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


class MonitorConfig(AppConfig):
    name = "veerkracht.monitor"
    label = "monitor"
    verbose_name = _("Monitor")
    nav_items = (NavItem(_("Monitor"), "monitor:region", order=50, prefix="/monitor/", section="learn"),)
