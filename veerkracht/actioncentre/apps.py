from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActioncentreConfig(AppConfig):
    name = "veerkracht.actioncentre"
    label = "actioncentre"
    verbose_name = _("Actiecentrum")
    # Navigation entries are added once the pages exist (see the issue note).
    nav_items = ()
