from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    """The policy register; its pages live in the monitor's section (/monitor/beleid/)."""

    name = "veerkracht.policy"
    label = "policy"
    verbose_name = _("Gezondheidsbeleid van gemeenten")
