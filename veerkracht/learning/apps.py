from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


def _logged_in(user) -> bool:
    return bool(user and user.is_authenticated)


def _coaches(user) -> bool:
    from .permissions.coaching import may_see_my_organisations

    return may_see_my_organisations(user)


class LearningConfig(AppConfig):
    """Scholing: the training plan on the platform. Each feature adds its menu entries here."""

    name = "veerkracht.learning"
    label = "learning"
    verbose_name = _("Scholing")
    nav_items = (
        NavItem(
            _("Mijn certificaten"),
            "learning:certificates_mine",
            order=58,
            visible=_logged_in,
            prefix="/scholing/certificaten/",
        ),
        NavItem(
            _("Mijn organisaties"),
            "learning:coaching_mine",
            order=58,
            visible=_coaches,
            prefix="/scholing/coaching/",
        ),
    )

    def ready(self) -> None:
        # Features connect their receivers to the enrolment signals (signals.py) when they load.
        from . import receivers  # noqa: F401
