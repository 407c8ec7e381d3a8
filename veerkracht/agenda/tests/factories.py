"""factory_boy factories for the agenda. Events are plain rows; registrations go through the service,
as the app does (capacity, waiting list and mails included)."""

from __future__ import annotations

from datetime import time, timedelta

import factory
from django.utils import timezone

from veerkracht.accounts.models import Role, User
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.agenda.models import Event, EventKind, Question, Registration, RegistrationStatus
from veerkracht.agenda.services.organise import at
from veerkracht.agenda.services.registrations import Applicant, registration_create
from veerkracht.regions.models import Municipality, Region

FACTORY_ORGANISER = "organisator-factory@example.org"


def limburg() -> Region:
    return Region.objects.get(slug="limburg")


def municipality(code: str = "GM0935") -> Municipality:
    return Municipality.objects.select_related("subregion").get(code=code)


def factory_organiser() -> User:
    existing = User.objects.filter(email=FACTORY_ORGANISER).first()
    return existing or UserFactory(email=FACTORY_ORGANISER, roles=[Role.STAFF])


def in_a_week_at_half_past_seven():
    """19:30 Dutch time, a week from today: an evening session that never crosses midnight, whatever
    time the tests run."""
    return at(timezone.localdate() + timedelta(days=7), time(19, 30))


class EventFactory(factory.django.DjangoModelFactory):
    """A published, public inspiration session in Maastricht in a week, with 20 places.
    `organisers=[...]` sets who organise it (default: the factory's staff member)."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    region = factory.LazyFunction(limburg)
    kind = EventKind.INSPIRATION
    title = factory.Sequence(lambda n: f"Inspiratiesessie {n + 1}")
    theme = "Eenzaamheid"
    description = "Samen praten over wat je gezond houdt."
    starts_at = factory.LazyFunction(in_a_week_at_half_past_seven)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    municipality = factory.LazyFunction(municipality)
    subregion = factory.LazyAttribute(lambda o: o.municipality.subregion if o.municipality else None)
    venue = "Buurthuis De Ster"
    address = "Markt 1"
    capacity = 20
    organiser_name = "Actiecentrum Limburg Positief Gezond"

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create:
            self.organisers.set(extracted if extracted is not None else [factory_organiser()])

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        for order, text in enumerate(extracted or ()):
            Question.objects.create(event=self, text=text, order=order)


def register(
    event: Event,
    email: str | None = None,
    *,
    places: int = 1,
    name: str = "",
    user=None,
    answers: dict | None = None,
) -> Registration:
    """Register through the service (confirmed or waiting, as the places allow)."""
    n = Registration.objects.count() + 1
    return registration_create(
        event=event,
        applicant=Applicant(
            name=name or f"Deelnemer {n}",
            email=email or f"deelnemer{n}@example.org",
            places=places,
            answers=answers,
            user=user,
        ),
        consent=True,
    )


def register_past(event, email, *, checked_in: bool) -> Registration:
    """A confirmed registration for an event that has already happened (a row: the service refuses
    past events), checked in at the door or not."""
    return Registration.objects.create(
        event=event,
        name=email.split("@")[0],
        email=email,
        status=RegistrationStatus.CONFIRMED,
        consent_at=timezone.now(),
        checked_in_at=event.starts_at if checked_in else None,
        checked_in_places=1 if checked_in else 0,
    )
