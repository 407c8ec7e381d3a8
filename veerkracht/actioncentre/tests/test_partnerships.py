"""Partners of an initiative show only after the organisation's admin said yes."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from veerkracht.accounts.models import MembershipRole
from veerkracht.accounts.services import membership_set
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import InitiativePartner, PartnerStatus
from veerkracht.actioncentre.services import partnerships as services
from veerkracht.core.models import AuditLogEntry
from veerkracht.regions.tests.factories import RegionFactory

from .factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(region):
    return UserFactory(email="eigenaar@example.org")


@pytest.fixture
def initiative(region, owner, staff):
    return InitiativeFactory(created_by=staff, owner=owner, title="Wandelgroep", review=None)


@pytest.fixture
def partner(region):
    return OrganisationFactory(name="Sportclub Heer")


@pytest.fixture
def admin(partner):
    user = UserFactory(email="beheer@sportclub.example.org")
    membership_set(organisation=partner, user=user, role=MembershipRole.ADMIN)
    return user


@pytest.fixture
def colleague(partner):
    user = UserFactory(email="collega@sportclub.example.org")
    membership_set(organisation=partner, user=user, role=MembershipRole.MEMBER)
    return user


def _pages(client, initiative, partner) -> tuple[str, str]:
    detail = client.get(reverse("initiatives:detail", args=[initiative.slug])).content.decode()
    page = client.get(reverse("connect:partner", args=[partner.slug])).content.decode()
    return detail, page


def test_naming_a_partner_asks_its_admins_and_shows_nothing_yet(
    client, initiative, partner, admin, colleague, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_set_partners(initiative=initiative, organisations=[partner], actor=owner)
    link = InitiativePartner.objects.get()
    assert link.status == PartnerStatus.PENDING and link.requested_by == owner
    assert [m.to for m in mail.outbox] == [[admin.email]]
    assert reverse("partnerships:requests", args=[partner.slug]) in mail.outbox[0].body
    detail, page = _pages(client, initiative, partner)
    assert f"/verbinden/partners/{partner.slug}/" not in detail and "Wandelgroep" not in page


def test_accepting_shows_the_link_on_both_pages_and_declining_hides_it(
    client, initiative, partner, admin, owner
):
    services.initiative_set_partners(initiative=initiative, organisations=[partner], actor=owner)
    link = InitiativePartner.objects.get()
    services.partner_link_decide(link=link, actor=admin, accept=True)
    detail, page = _pages(client, initiative, partner)
    assert f"/verbinden/partners/{partner.slug}/" in detail and "Wandelgroep" in page
    services.partner_link_decide(link=link, actor=admin, accept=False)
    detail, page = _pages(client, initiative, partner)
    assert f"/verbinden/partners/{partner.slug}/" not in detail and "Wandelgroep" not in page
    assert AuditLogEntry.objects.filter(code="actioncentre.partner.decided").count() == 2


def test_a_decline_sticks_and_cannot_be_asked_again(
    initiative, partner, admin, owner, django_capture_on_commit_callbacks
):
    services.initiative_set_partners(initiative=initiative, organisations=[partner], actor=owner)
    services.partner_link_decide(link=InitiativePartner.objects.get(), actor=admin, accept=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_set_partners(initiative=initiative, organisations=[], actor=owner)
        services.initiative_set_partners(initiative=initiative, organisations=[partner], actor=owner)
    assert InitiativePartner.objects.get().status == PartnerStatus.DECLINED and not mail.outbox


def test_only_the_organisations_admins_decide(initiative, partner, owner, colleague, staff, region_admin):
    services.initiative_set_partners(initiative=initiative, organisations=[partner], actor=owner)
    link = InitiativePartner.objects.get()
    for person in (owner, colleague, staff, region_admin):
        with pytest.raises(PermissionDenied):
            services.partner_link_decide(link=link, actor=person, accept=True)
    assert InitiativePartner.objects.get().status == PartnerStatus.PENDING


def test_partners_come_from_the_region_and_unticking_withdraws(initiative, owner, region):
    orgs = [OrganisationFactory(), OrganisationFactory()]
    services.initiative_set_partners(initiative=initiative, organisations=orgs, actor=owner)
    assert set(initiative.partners.all()) == set(orgs)
    services.initiative_set_partners(initiative=initiative, organisations=orgs[:1], actor=owner)
    assert list(initiative.partners.all()) == orgs[:1]
    elsewhere = OrganisationFactory(region=RegionFactory())
    with pytest.raises(ValidationError):
        services.initiative_set_partners(initiative=initiative, organisations=[elsewhere], actor=owner)


# --- Views ------------------------------------------------------------------------------------


def test_the_requests_page_is_for_the_organisations_admins_only(
    client_for, initiative, partner, admin, colleague, owner, staff, region_admin, outsider
):
    services.initiative_set_partners(initiative=initiative, organisations=[partner], actor=owner)
    link = InitiativePartner.objects.get()
    page = reverse("partnerships:requests", args=[partner.slug])
    decide = reverse("partnerships:decide", args=[partner.slug, link.pk])
    assert client_for(None).get(page).status_code == 302
    for person in (colleague, owner, staff, region_admin, outsider):
        assert client_for(person).get(page).status_code == 404
        assert client_for(person).post(decide, {"decision": "accept"}).status_code == 404
    client = client_for(admin)
    assert "Wandelgroep" in client.get(page).content.decode()
    assert client.get(decide).status_code == 405
    assert client.post(decide, {"decision": "misschien"}).status_code == 404
    assert InitiativePartner.objects.get().status == PartnerStatus.PENDING
    assert client.post(decide, {"decision": "accept"}).url == page
    assert InitiativePartner.objects.get().status == PartnerStatus.ACCEPTED


def test_an_admin_cannot_answer_for_another_organisation(client_for, initiative, partner, admin, owner):
    other = OrganisationFactory(name="Andere club")
    services.initiative_set_partners(initiative=initiative, organisations=[other], actor=owner)
    link = InitiativePartner.objects.get()
    client = client_for(admin)
    assert (
        client.post(
            reverse("partnerships:decide", args=[partner.slug, link.pk]), {"decision": "accept"}
        ).status_code
        == 404
    )
    assert client.get(reverse("partnerships:requests", args=[other.slug])).status_code == 404
    assert InitiativePartner.objects.get().status == PartnerStatus.PENDING


def test_managers_see_the_status_of_each_partner(client_for, initiative, partner, admin, owner):
    lonely = OrganisationFactory(name="Club zonder beheerder")
    declined = OrganisationFactory(name="Nee-club")
    nee = UserFactory(email="nee@example.org")
    membership_set(organisation=declined, user=nee, role=MembershipRole.ADMIN)
    client = client_for(owner)
    url = reverse("initiatives:partners", args=[initiative.slug])
    response = client.post(url, {"partners": [partner.pk, lonely.pk, declined.pk]})
    assert response.url == url
    services.partner_link_decide(
        link=InitiativePartner.objects.get(organisation=declined), actor=nee, accept=False
    )
    html = client.get(url).content.decode()
    assert "wacht op antwoord van de organisatie" in html
    assert "niemand bij deze organisatie kan nog antwoorden" in html
    assert "doet niet mee" in html
    detail = client.get(reverse("initiatives:detail", args=[initiative.slug])).content.decode()
    assert "Partners die jullie vroegen" in detail
    assert (
        "Partners die jullie vroegen"
        not in client_for(None).get(reverse("initiatives:detail", args=[initiative.slug])).content.decode()
    )
    response = client.post(url, {"partners": ["abc"]})
    assert response.status_code == 200 and "Kies organisaties uit de lijst" in response.content.decode()


def test_the_requests_page_query_count_does_not_grow(client_for, region, partner, admin, owner, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(start, stop):
        for i in range(start, stop):
            initiative = InitiativeFactory(
                created_by=staff, owner=owner, title=f"Initiatief {i}", review=None
            )
            services.initiative_set_partners(initiative=initiative, organisations=[partner], actor=owner)

    def count() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    client = client_for(admin)
    url = reverse("partnerships:requests", args=[partner.slug])
    add(0, 3)
    few = count()
    add(3, 25)
    many = count()
    assert few == many and many <= 10, (few, many)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_old_partner_links_as_pending_requests(initiative, partner):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("actioncentre", "0003_text_and_news_moderation")]
    after = [("actioncentre", "0004_partner_consent")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("actioncentre", "Initiative")
    old.partners.through.objects.create(initiative_id=initiative.pk, organisation_id=partner.pk)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    link = (
        (link.initiative_id, link.organisation_id, link.status)
        if (link := InitiativePartner.objects.get())
        else None
    )
    # Back to the newest state: the tests that run after this one on the same database need it.
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert link == (initiative.pk, partner.pk, "pending")
