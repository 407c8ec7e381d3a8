"""Applications and ambassadors for tests, made through the services (as the site does)."""

from __future__ import annotations

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.network.services.ambassadors import application_accept, application_submit


def application_data(region, **overrides) -> dict:
    data = {
        "motivation": "Ik wil mijn buurt laten zien wat Positieve Gezondheid kan betekenen.",
        "municipality": region.municipalities.get(code="GM0935"),
        "neighbourhood": "Wyck",
        "background": "resident",
        "time_available": "month",
        "themes": ["loneliness", "movement"],
        "dimensions": ["participation"],
    }
    return data | overrides


def make_application(region, user=None, **overrides):
    user = user or UserFactory()
    return application_submit(user=user, region=region, **application_data(region, **overrides))


def make_ambassador(region, staff, user=None, **overrides):
    """An accepted applicant: ONBOARDING, with the role."""
    application = make_application(region, user, **overrides)
    return application_accept(application=application, actor=staff)
