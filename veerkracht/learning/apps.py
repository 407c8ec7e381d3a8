from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from veerkracht.core.navigation import NavItem


def _coaches(user) -> bool:
    from .permissions.coaching import may_see_my_organisations

    return may_see_my_organisations(user)


def _has_enrolment(user) -> bool:
    from .selectors.enrolments import has_enrolment

    return has_enrolment(user)


class LearningConfig(AppConfig):
    """Scholing: the training plan on the platform. Each feature adds its menu entries here."""

    name = "veerkracht.learning"
    label = "learning"
    verbose_name = _("Scholing")
    # "Mijn certificaten" is reached from "Mijn scholing" (everyone with a certificate has an enrolment).
    nav_items = (
        NavItem(_("Scholing"), "learning:catalogue", order=45, prefix="/scholing/", section="learn"),
        NavItem(
            _("Mijn scholing"),
            "learning:mine",
            order=54,
            visible=_has_enrolment,
            prefix="/scholing/mijn/",
            section="learn",
        ),
        NavItem(
            _("Mijn organisaties"),
            "learning:coaching_mine",
            order=58,
            visible=_coaches,
            prefix="/scholing/coaching/",
            section="work",
        ),
    )

    def ready(self) -> None:
        # Features connect their receivers to the enrolment signals (signals.py) when they load.
        from . import receivers  # noqa: F401
