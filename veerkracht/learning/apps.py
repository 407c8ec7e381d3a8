from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Scholing: the training plan on the platform. Each feature adds its menu entries here."""

    name = "veerkracht.learning"
    label = "learning"
    verbose_name = _("Scholing")
    nav_items = ()

    def ready(self) -> None:
        # Features connect their receivers to the enrolment signals (signals.py) when they load.
        from . import receivers  # noqa: F401
