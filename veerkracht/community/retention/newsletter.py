"""Newsletter: subscriptions never confirmed."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.retention import Rule, register

from ..services.newsletter import UNCONFIRMED_KEEP, subscribers_remove_unconfirmed


def _unconfirmed_subscribers(now) -> int:
    return subscribers_remove_unconfirmed(now=now)


register(
    Rule(
        key="community.newsletter_unconfirmed",
        what=_(
            "Een aanmelding voor de nieuwsbrief die niet is bevestigd met de link in de e-mail: je "
            "e-mailadres en je keuzes"
        ),
        period=_("7 dagen na de aanmelding"),
        keep=UNCONFIRMED_KEEP,
        apply=_unconfirmed_subscribers,
        order=70,
    )
)
