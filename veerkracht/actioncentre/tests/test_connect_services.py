from __future__ import annotations

from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import MembershipRole, Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import (
    AmbassadorProfile,
    Availability,
    Connection,
    ConnectionStatus,
    PartnerProfile,
    Request,
    Review,
)
from veerkracht.actioncentre.services import connect as services
from veerkracht.actioncentre.tokens import hash_token
from veerkracht.core.models import AuditLogEntry

from .factories import (
    AmbassadorFactory,
    InitiativeFactory,
    NeedFactory,
    OfferFactory,
    PartnerFactory,
    RequestFactory,
    link_token,
    municipality,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(region):
    return UserFactory(email="trekker@example.org", display_name="Fatima")


@pytest.fixture
def helper_user(region):
    return UserFactory(email="helper@example.org", display_name="Henk")


@pytest.fixture
def need(region, owner):
    return NeedFactory(initiative=InitiativeFactory(owner=owner, themes=["loneliness"]))


@pytest.fixture
def offer(region, helper_user):
    return OfferFactory(owner=helper_user, themes=["loneliness"])


@pytest.fixture
def proposed(need, offer, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        connection = services.connection_propose(
            need=need, offer=offer, message="Zij zoeken een zaal, hij heeft er een.", proposed_by=staff
        )
    asker_mail, helper_mail = mail.outbox
    mail.outbox.clear()
    return connection, link_token(asker_mail.body), link_token(helper_mail.body)


# --- Offers -----------------------------------------------------------------------------------


def test_an_offer_copies_the_subregion_of_its_municipality(region, resident):
    offer = OfferFactory(owner=resident, code="GM0983", themes=["money", "work"], dimensions=["daily"])
    assert offer.subregion.name == "Noord-Limburg"
    assert offer.theme_labels == ["Geldzorgen en schulden", "Werk en inkomen"]
    everywhere = OfferFactory(owner=resident, code=None)
    assert everywhere.municipality is None and everywhere.subregion is None
    assert AuditLogEntry.objects.filter(code="actioncentre.offer.created").count() == 2


def test_an_offer_on_behalf_of_an_organisation_needs_a_membership(region, resident):
    organisation = OrganisationFactory(name="Buurthuis De Kring")
    with pytest.raises(ValidationError, match="organisatie waar je bij hoort"):
        OfferFactory(owner=resident, organisation=organisation)
    account_services.membership_set(organisation=organisation, user=resident, role=MembershipRole.MEMBER)
    assert OfferFactory(owner=resident, organisation=organisation).organisation == organisation


def test_updating_and_hiding_an_offer(region, resident):
    offer = OfferFactory(owner=resident)
    services.offer_update(
        offer=offer,
        help_type="knowledge",
        title="Advies over subsidies ",
        description="Ik help met aanvragen.",
        themes=["money"],
        municipality=municipality(region, "GM0983"),
    )
    offer.refresh_from_db()
    assert (offer.title, offer.help_type, offer.subregion.name) == (
        "Advies over subsidies",
        "knowledge",
        "Noord-Limburg",
    )
    services.offer_set_active(offer=offer, active=False)
    offer.refresh_from_db()
    assert not offer.is_active
    assert AuditLogEntry.objects.filter(code="actioncentre.offer.hidden").count() == 1


def test_bad_offer_input_is_refused_and_nothing_saved(region, resident):
    with pytest.raises(ValidationError):
        OfferFactory(owner=resident, help_type="unicorns")
    with pytest.raises(ValidationError, match="alleen uit de lijst"):
        OfferFactory(owner=resident, themes=["nonsense"])
    assert not resident.offers.exists()


# --- Ambassadors and partners -----------------------------------------------------------------


def test_only_ambassadors_have_a_profile_and_saving_twice_updates_it(region, resident, ambassador):
    with pytest.raises(ValidationError, match="Alleen ambassadeurs"):
        services.ambassador_profile_save(user=resident, region=region, expertise="Iets")
    first = services.ambassador_profile_save(user=ambassador, region=region, expertise="Wijkgesprekken")
    second = services.ambassador_profile_save(
        user=ambassador,
        region=region,
        expertise="Schuldhulp",
        municipality=municipality(region, "GM0983"),
        availability=Availability.LIMITED,
        help_types=["knowledge", "contacts"],
    )
    assert first.pk == second.pk and AmbassadorProfile.objects.count() == 1
    assert second.subregion.name == "Noord-Limburg" and second.help_types == 0b11000


def test_the_partner_page_writes_profile_and_organisation_fields(region):
    organisation = PartnerFactory(description="Wij helpen buurten.", themes=["elderly"])
    assert organisation.description == "Wij helpen buurten."
    profile = PartnerProfile.objects.get(organisation=organisation)
    assert profile.subregion.name == "Zuid-Limburg" and profile.theme_labels == ["Ouder worden"]
    with pytest.raises(ValidationError):
        services.partner_page_update(
            organisation=organisation, actor=None, description="", website="geen-url"
        )


# --- Proposing --------------------------------------------------------------------------------


def test_proposing_for_a_need_mails_each_side_its_own_link(
    need, offer, staff, owner, helper_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        connection = services.connection_propose(
            need=need,
            offer=offer,
            message="Past goed bij elkaar.",
            proposed_by=staff,
            base_url="https://x.nl",
        )
    assert (connection.asker_email, connection.helper_email) == (owner.email, helper_user.email)
    assert (connection.asker_name, connection.helper_name) == ("Fatima", "Henk")
    assert (
        connection.region_id == need.initiative.region_id and connection.status == ConnectionStatus.PROPOSED
    )
    to_asker, to_helper = mail.outbox
    assert to_asker.to == [owner.email] and to_helper.to == [helper_user.email]
    asker_token, helper_token = link_token(to_asker.body), link_token(to_helper.body)
    assert asker_token != helper_token
    assert "https://x.nl/verbinden/antwoord/" in to_asker.body
    # Only hashes are stored, one per side.
    assert connection.asker_token_hash == hash_token(asker_token) != asker_token
    assert connection.helper_token_hash == hash_token(helper_token)
    # No addresses are exchanged yet.
    assert helper_user.email not in to_asker.body and owner.email not in to_helper.body
    assert "Past goed bij elkaar." in to_asker.body and "Henk" in to_asker.body and "Fatima" in to_helper.body
    assert AuditLogEntry.objects.filter(code="actioncentre.connection.proposed", actor=staff).count() == 1


def test_proposing_for_a_request_asks_the_sender_and_needs_their_consent(
    region, staff, django_capture_on_commit_callbacks
):
    profile = AmbassadorFactory(email="amb@example.org", help_types=["place"])
    with pytest.raises(ValidationError, match="contact mag opnemen"):
        services.connection_propose(
            request=RequestFactory(contact_consent=False), ambassador=profile, message="x", proposed_by=staff
        )
    request = RequestFactory(email="sanne@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        connection = services.connection_propose(
            request=request, ambassador=profile, message="Zij weet veel van plekken.", proposed_by=staff
        )
    assert (connection.asker_name, connection.asker_email) == ("Sanne", "sanne@example.org")
    assert (connection.helper_name, connection.helper_email) == ("Anouk", "amb@example.org")
    assert sorted(m.to[0] for m in mail.outbox) == ["amb@example.org", "sanne@example.org"]


def test_the_asker_falls_back_to_the_organisation_or_is_refused(region, offer, staff):
    organisation = OrganisationFactory(name="Stichting Samen", email="samen@example.org")
    need = NeedFactory(initiative=InitiativeFactory(organisation=organisation))
    connection = services.connection_propose(
        need=need, offer=offer, message="Kennismaken?", proposed_by=staff
    )
    assert (connection.asker_name, connection.asker_email) == ("Stichting Samen", "samen@example.org")
    orphan = NeedFactory(initiative=InitiativeFactory())
    with pytest.raises(ValidationError, match="geen eigenaar"):
        services.connection_propose(need=orphan, offer=offer, message="Kennismaken?", proposed_by=staff)


def test_a_partner_is_reached_through_the_organisation_e_mail(region, need, staff):
    partner = PartnerFactory(email="team@welzijn.example.org")
    connection = services.connection_propose(
        need=need, partner=partner, message="Zij hebben zalen.", proposed_by=staff
    )
    assert (connection.helper_name, connection.helper_email) == ("Welzijn Zuid", "team@welzijn.example.org")
    silent = PartnerFactory(name="Zonder adres", email="")
    with pytest.raises(ValidationError, match="geen e-mailadres"):
        services.connection_propose(need=need, partner=silent, message="x", proposed_by=staff)


def test_the_same_two_are_not_proposed_twice_unless_declined(need, offer, staff):
    first = services.connection_propose(need=need, offer=offer, message="Eerste keer", proposed_by=staff)
    with pytest.raises(ValidationError, match="al aan elkaar voorgesteld"):
        services.connection_propose(need=need, offer=offer, message="Nog eens", proposed_by=staff)
    Connection.objects.filter(pk=first.pk).update(status=ConnectionStatus.DECLINED)
    services.connection_propose(need=need, offer=offer, message="Nieuwe kans", proposed_by=staff)
    assert Connection.objects.count() == 2


def test_closed_needs_hidden_offers_and_unavailable_ambassadors_are_refused(region, need, offer, staff):
    services.offer_set_active(offer=offer, active=False)
    with pytest.raises(ValidationError, match="niet meer zichtbaar"):
        services.connection_propose(need=need, offer=offer, message="x", proposed_by=staff)
    busy = AmbassadorFactory(email="druk@example.org", availability=Availability.UNAVAILABLE)
    with pytest.raises(ValidationError, match="niet beschikbaar"):
        services.connection_propose(need=need, ambassador=busy, message="x", proposed_by=staff)
    former = AmbassadorFactory(email="oud@example.org")
    account_services.role_revoke(user=former.user, role=Role.AMBASSADOR)
    former.user.refresh_from_db()
    with pytest.raises(ValidationError, match="geen ambassadeur meer"):
        services.connection_propose(need=need, ambassador=former, message="x", proposed_by=staff)
    need.is_open = False
    need.save(update_fields=["is_open"])
    with pytest.raises(ValidationError, match="al vervuld"):
        services.connection_propose(need=need, ambassador=busy, message="x", proposed_by=staff)
    assert not Connection.objects.exists()


# --- Answering --------------------------------------------------------------------------------


def test_yes_and_yes_connects_and_only_then_exchanges_addresses(
    proposed, owner, helper_user, django_capture_on_commit_callbacks
):
    connection, asker_token, helper_token = proposed
    with django_capture_on_commit_callbacks(execute=True):
        services.connection_answer(token=helper_token, accept=True)
    assert mail.outbox == []  # one yes: nothing exchanged yet
    connection.refresh_from_db()
    assert connection.status == ConnectionStatus.PROPOSED and connection.helper_answer is True
    with django_capture_on_commit_callbacks(execute=True):
        services.connection_answer(token=asker_token, accept=True)
    connection.refresh_from_db()
    assert connection.status == ConnectionStatus.ACCEPTED and connection.decided_at is not None
    by_recipient = {m.to[0]: m.body for m in mail.outbox}
    assert helper_user.email in by_recipient[owner.email]
    assert owner.email in by_recipient[helper_user.email]
    codes = list(AuditLogEntry.objects.filter(subject_id=str(connection.pk)).values_list("code", flat=True))
    assert "actioncentre.connection.accepted" in codes


def test_yes_and_no_declines_and_tells_the_other_side_kindly(
    proposed, owner, helper_user, django_capture_on_commit_callbacks
):
    connection, asker_token, helper_token = proposed
    services.connection_answer(token=asker_token, accept=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.connection_answer(token=helper_token, accept=False)
    connection.refresh_from_db()
    assert connection.status == ConnectionStatus.DECLINED and connection.decided_at is not None
    (told,) = mail.outbox
    assert told.to == [owner.email] and "niet door" in told.subject
    assert helper_user.email not in told.body and "niets over jou" in told.body
    assert AuditLogEntry.objects.filter(code="actioncentre.connection.declined").count() == 1


def test_after_a_no_the_other_side_cannot_say_yes_any_more(proposed):
    connection, asker_token, helper_token = proposed
    services.connection_answer(token=asker_token, accept=False)
    with pytest.raises(ValidationError, match="gaat niet meer door"):
        services.connection_answer(token=helper_token, accept=True)
    connection.refresh_from_db()
    assert connection.helper_answer is None and connection.status == ConnectionStatus.DECLINED


def test_answering_twice_changes_nothing(proposed):
    connection, asker_token, _helper_token = proposed
    services.connection_answer(token=asker_token, accept=True)
    with pytest.raises(ValidationError, match="al geantwoord"):
        services.connection_answer(token=asker_token, accept=False)
    connection.refresh_from_db()
    assert connection.asker_answer is True and connection.status == ConnectionStatus.PROPOSED


def test_an_unknown_token_is_not_found(proposed):
    with pytest.raises(Connection.DoesNotExist):
        services.connection_answer(token="geen-echte-link", accept=True)


def test_accepted_connections_are_counted_for_the_monitor(proposed, region):
    from datetime import timedelta

    from django.utils import timezone

    from veerkracht.actioncentre.selectors.connect import connections_accepted_between

    _connection, asker_token, helper_token = proposed
    services.connection_answer(token=asker_token, accept=True)
    services.connection_answer(token=helper_token, accept=True)
    now = timezone.now()
    assert connections_accepted_between(region, now - timedelta(days=1), now + timedelta(days=1)).count() == 1
    assert connections_accepted_between(region, now + timedelta(days=1), now + timedelta(days=2)).count() == 0


@pytest.mark.parametrize(
    "status, expected", [("handling", "connected"), ("new", "new"), ("connected", "connected")]
)
def test_a_request_is_connected_once_both_sides_said_yes(
    region, staff, status, expected, django_capture_on_commit_callbacks
):
    request = RequestFactory()
    Request.objects.filter(pk=request.pk).update(status=status)
    request.refresh_from_db()
    profile = AmbassadorFactory(email="amb@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.connection_propose(
            request=request, ambassador=profile, message="Past goed.", proposed_by=staff
        )
    tokens = [link_token(m.body) for m in mail.outbox]
    for token in tokens:
        services.connection_answer(token=token, accept=True)
    request.refresh_from_db()
    assert request.status == expected


# --- Abuse: owners who introduce people ---------------------------------------------------------


@pytest.fixture
def helper_offer(region):
    return OfferFactory(owner=UserFactory(email="hulp@example.org", display_name="Henk"))


def test_an_owner_of_an_unapproved_initiative_cannot_introduce_anyone(region, resident, helper_offer):
    need = NeedFactory(initiative=InitiativeFactory(owner=resident, review=Review.PENDING))
    with pytest.raises(ValidationError, match="nog niet op de website"):
        services.connection_propose(need=need, offer=helper_offer, message="Hoi", proposed_by=resident)
    assert not Connection.objects.exists()


def test_owners_have_a_daily_limit_on_introductions(region, resident, helper_offer, settings):
    initiative = InitiativeFactory(owner=resident)
    with mock.patch.object(services, "PROPOSALS_PER_DAY", 1):
        services.connection_propose(
            need=NeedFactory(initiative=initiative),
            offer=helper_offer,
            message="Past goed.",
            proposed_by=resident,
        )
        with pytest.raises(ValidationError, match="al veel mensen voorgesteld"):
            services.connection_propose(
                need=NeedFactory(initiative=initiative, help_type="place", description="Nog een zaal"),
                offer=helper_offer,
                message="Past ook.",
                proposed_by=resident,
            )
