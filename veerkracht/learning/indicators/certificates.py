"""Certificates issued, per period and the target group of the course. A certificate is one person's:
the monitor protects small numbers (``about_residents``) and shows closed periods only."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import (
    QUARTER,
    YEAR,
    Indicator,
    Window,
    register,
    register_first_activity,
)

from . import (
    GROUP,
    SOURCE,
    catalogue,  # noqa: F401  (registers the breakdown "course_target_group" used here)
)


def _issued(window: Window):
    from ..selectors.certificates import issued_rows_between

    # A course is not tied to a municipality: every certificate counts for the whole region.
    rows = issued_rows_between(window.region, window.start, window.end)
    return ((None, {"course_target_group": target}) for (target,) in rows)


def _first(region):
    from ..selectors.certificates import first_certificate_at

    return first_certificate_at(region)


register_first_activity(_first)

register(
    Indicator(
        key="learning_certificates_issued",
        name=_("Certificaten uitgegeven"),
        definition=_(
            "Certificaten voor een afgeronde cursus, in de periode waarin de cursus werd afgerond, naar "
            "de doelgroep van de cursus. Ingetrokken certificaten tellen niet mee."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_issued,
        breakdowns=("course_target_group",),
        periods=(QUARTER, YEAR),
        about_residents=True,
        order=30,
        notes=(
            _(
                "Een certificaat hoort bij één persoon. Kleine aantallen laten we daarom niet zien, en "
                "alleen van afgesloten periodes."
            ),
        ),
    )
)
