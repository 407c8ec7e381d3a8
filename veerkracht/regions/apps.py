from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "veerkracht.regions"
    label = "regions"
    verbose_name = _("Regio's")
