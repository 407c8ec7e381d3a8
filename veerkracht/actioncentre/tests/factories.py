"""factory_boy factories for the action centre. Most are built through the services, as the app does;
a request and a need are plain rows (their services mail people or need a form)."""

from __future__ import annotations

import re

import factory

from veerkracht.accounts.models import Role, User
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import (
    AmbassadorProfile,
    Follow,
    Initiative,
    InitiativeUpdate,
    Need,
    Offer,
    Request,
    Review,
)
from veerkracht.actioncentre.services import connect as connect_services
from veerkracht.actioncentre.services import initiatives as initiative_services
from veerkracht.actioncentre.tokens import hash_token, new_token
from veerkracht.actioncentre.vocab import HELP_TYPES
from veerkracht.regions.models import Municipality, Region

FACTORY_STAFF = "actiecentrum-factory@example.org"


def limburg() -> Region:
    return Region.objects.get(slug="limburg")


def municipality(region: Region, code: str = "GM0935") -> Municipality:
    return region.municipalities.select_related("subregion").get(code=code)


def factory_staff() -> User:
    """A member of the action centre who places initiatives when a test names no one."""
    existing = User.objects.filter(email=FACTORY_STAFF).first()
    return existing or UserFactory(email=FACTORY_STAFF, roles=[Role.STAFF])


def link_token(body: str) -> str:
    """The token of the private answer link in an introduction e-mail."""
    return re.search(r"/verbinden/antwoord/([A-Za-z0-9_-]+)/", body).group(1)


class InitiativeFactory(factory.Factory):
    """An initiative made by the service. `review` sets the outcome of approval (default: public);
    `review=None` keeps what the service decided (staff place it, anyone else's waits)."""

    class Meta:
        model = Initiative

    region = factory.LazyFunction(limburg)
    title = factory.Sequence(lambda n: f"Buurtkamer {n + 1}")
    summary = "Samen koffie en een goed gesprek."
    description = "Elke week een open ochtend in de wijk."
    code = "GM0935"
    who = "Bewoners van de wijk"
    owner = None
    organisation = None
    themes: tuple[str, ...] = ()
    dimensions: tuple[str, ...] = ()
    created_by = None
    review = Review.PUBLIC

    @classmethod
    def _create(cls, model_class, *args, code: str, review: str | None, created_by=None, **kwargs):
        # By code only: a test may name a municipality of another region (the service refuses it).
        kwargs.setdefault("municipality", Municipality.objects.select_related("subregion").get(code=code))
        creator = created_by or kwargs.get("owner") or factory_staff()
        initiative = initiative_services.initiative_create(created_by=creator, **kwargs)
        if review is not None and initiative.review != review:
            Initiative.objects.filter(pk=initiative.pk).update(review=review)
            initiative.review = review
        return initiative


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    initiative = factory.SubFactory(InitiativeFactory)
    help_type = "place"
    description = "Een zaal voor 20 mensen"


class OfferFactory(factory.Factory):
    """An offer made by the service (the owner must belong to the organisation, if one is named)."""

    class Meta:
        model = Offer

    owner = factory.SubFactory(UserFactory)
    region = factory.LazyFunction(limburg)
    help_type = "place"
    title = "Zaal in het buurthuis"
    description = "Op dinsdagavond gratis te gebruiken."
    themes: tuple[str, ...] = ()
    dimensions: tuple[str, ...] = ()
    code = "GM0935"

    @classmethod
    def _create(cls, model_class, *args, code: str | None, **kwargs) -> Offer:
        kwargs["municipality"] = municipality(kwargs["region"], code) if code else None
        return connect_services.offer_create(**kwargs)


class AmbassadorFactory(factory.Factory):
    """A person with the ambassador role and their public profile."""

    class Meta:
        model = AmbassadorProfile

    email = factory.Sequence(lambda n: f"ambassadeur{n}@example.org")
    name = "Anouk"
    region = factory.LazyFunction(limburg)
    expertise = "Het andere gesprek in de wijk"
    code = "GM0935"
    help_types: tuple[str, ...] = ("knowledge",)
    themes: tuple[str, ...] = ()

    @classmethod
    def _create(cls, model_class, *args, email: str, name: str, code: str | None, **kwargs):
        user = UserFactory(email=email, roles=[Role.AMBASSADOR], display_name=name)
        kwargs["municipality"] = municipality(kwargs["region"], code) if code else None
        return connect_services.ambassador_profile_save(user=user, **kwargs)


class PartnerFactory(factory.Factory):
    """An organisation with a (public) partner page."""

    class Meta:
        model = OrganisationFactory._meta.model

    name = "Welzijn Zuid"
    email = "info@partner.example.org"
    code = "GM0917"
    is_core_partner = False
    description = "Wij helpen buurten."
    help_types: tuple[str, ...] = ("place",)

    @classmethod
    def _create(cls, model_class, *args, name, email, code, is_core_partner, description, **kwargs):
        organisation = OrganisationFactory(
            name=name,
            email=email,
            municipality=municipality(limburg(), code) if code else None,
            is_core_partner=is_core_partner,
        )
        connect_services.partner_page_update(
            organisation=organisation, actor=None, description=description, website="", **kwargs
        )
        organisation.refresh_from_db()
        return organisation


class RequestFactory(factory.django.DjangoModelFactory):
    """A request as the intake stores it (the private link's token is not kept: pass `token_hash`)."""

    class Meta:
        model = Request

    region = factory.LazyFunction(limburg)
    kind = "support"
    title = "Wij zoeken een plek voor een repair café"
    description = "We zijn met vijf vrijwilligers."
    municipality = factory.LazyAttribute(lambda o: municipality(o.region))
    needs = factory.LazyFunction(lambda: HELP_TYPES.mask(["place"]))
    name = "Sanne"
    email = "vrager@example.org"
    contact_consent = True
    token_hash = factory.LazyFunction(lambda: hash_token(new_token()))


class FollowFactory(factory.django.DjangoModelFactory):
    """A follow stored as is (one made elsewhere: its link token is not derived from its id)."""

    class Meta:
        model = Follow

    initiative = factory.SubFactory(InitiativeFactory)
    user = factory.SubFactory(UserFactory)
    unsubscribe_hash = factory.LazyFunction(lambda: hash_token(new_token()))


class InitiativeUpdateFactory(factory.django.DjangoModelFactory):
    """News on an initiative's page, stored as is (no e-mails to followers)."""

    class Meta:
        model = InitiativeUpdate

    initiative = factory.SubFactory(InitiativeFactory)
    author = None
    text = "Nieuws uit de buurt."
