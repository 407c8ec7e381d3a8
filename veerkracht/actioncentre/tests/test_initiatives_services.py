from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import (
    Follow,
    FollowKind,
    Initiative,
    Phase,
    PhaseChange,
    RequestKind,
    Review,
)
from veerkracht.actioncentre.selectors import initiatives as selectors
from veerkracht.actioncentre.selectors.initiatives import follow_for_token
from veerkracht.actioncentre.services import initiatives as services
from veerkracht.actioncentre.tokens import unsubscribe_token
from veerkracht.core.models import AuditLogEntry
from veerkracht.regions.tests.factories import MunicipalityFactory, RegionFactory

from .factories import FollowFactory, InitiativeFactory, RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_initiative(staff):
    """An initiative made by the service: by staff (public) unless `by` names someone else."""

    def make(title="Samen koken", *, by=None, municipality="GM0935", **kwargs):
        defaults = {
            "owner": by,
            "title": title,
            "summary": "We koken elke week samen.",
            "description": "Buren koken samen en eten samen.",
            "code": municipality,
            "who": "Een groep buren",
            "themes": ["loneliness", "food"],
            "dimensions": ["participation"],
            "created_by": by or staff,
            "review": None,
        }
        return InitiativeFactory(**(defaults | kwargs))

    return make


# --- Creating ---------------------------------------------------------------------------------


def test_staff_initiatives_are_public_and_residents_wait_for_approval(make_initiative, resident, staff):
    by_staff = make_initiative("Wandelgroep")
    by_resident = make_initiative("Moestuin", by=resident)
    assert by_staff.review == Review.PUBLIC
    assert by_resident.review == Review.PENDING and by_resident.owner == resident
    assert by_resident.subregion == by_resident.municipality.subregion is not None
    first = by_resident.phase_changes.get()
    assert (first.from_phase, first.to_phase, first.changed_by) == ("", Phase.INSPIRE, resident)
    assert AuditLogEntry.objects.filter(code="actioncentre.initiative.created").count() == 2


def test_an_initiative_can_say_where_it_came_from_and_the_page_shows_it(make_initiative, client):
    initiative = make_initiative(
        origin_label="Ontstaan in de sessie van 12 maart in Venlo", origin_url="/agenda/7/"
    )
    response = client.get(reverse("initiatives:detail", args=[initiative.slug]))
    assert 'href="/agenda/7/"' in response.content.decode()
    assert "Ontstaan in de sessie van 12 maart in Venlo" in response.content.decode()


def test_an_origin_elsewhere_than_this_site_is_refused(make_initiative):
    with pytest.raises(ValidationError):
        make_initiative(origin_label="Ergens", origin_url="https://example.org/")


def test_slugs_are_unique_and_never_a_page_name(make_initiative):
    first = make_initiative("Samen koken!")
    second = make_initiative("Samen   koken")
    reserved = make_initiative("Nieuw")
    assert first.slug == "samen-koken"
    assert second.slug == "samen-koken-2"
    assert reserved.slug == "nieuw-2"


def test_a_municipality_outside_the_region_is_refused(make_initiative, region):

    other = RegionFactory(province_code="PV99")
    MunicipalityFactory(code="GM9999", name="Ergens", region=other)
    with pytest.raises(ValidationError, match="in deze regio"):
        make_initiative(municipality="GM9999")
    assert not Initiative.objects.exists()


def test_an_idea_is_linked_to_the_initiative_made_from_it(make_initiative, region, staff):
    idea = RequestFactory(
        kind=RequestKind.IDEA, title="Buurtmoestuin", description="Een moestuin", name="Anna"
    )
    initiative = make_initiative("Buurtmoestuin", from_request=idea)
    idea.refresh_from_db()
    assert idea.initiative == initiative
    assert AuditLogEntry.objects.filter(code="actioncentre.request.initiative_linked").exists()


def test_details_change_but_the_address_stays(make_initiative, region, staff):
    initiative = make_initiative("Samen koken")
    services.initiative_update_details(
        initiative=initiative,
        actor=staff,
        title="Samen koken en eten",
        summary="Nieuw",
        description="Anders",
        municipality=region.municipalities.get(code="GM0917"),
        who="Buren",
        themes=["food"],
        dimensions=[],
    )
    initiative.refresh_from_db()
    assert initiative.slug == "samen-koken" and initiative.title == "Samen koken en eten"
    assert initiative.subregion == initiative.municipality.subregion
    with pytest.raises(ValidationError):
        services.initiative_update_details(
            initiative=initiative,
            actor=staff,
            title="x",
            summary="x",
            description="x",
            municipality=initiative.municipality,
            who="x",
            themes=["not-a-theme"],
            dimensions=[],
        )


# --- Reviewing --------------------------------------------------------------------------------


def test_only_staff_review_and_the_owner_hears_the_outcome(
    make_initiative, resident, staff, django_capture_on_commit_callbacks
):
    initiative = make_initiative(by=resident)
    with pytest.raises(PermissionDenied):
        services.initiative_review(initiative=initiative, approve=True, actor=resident)
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_review(initiative=initiative, approve=True, actor=staff)
    initiative.refresh_from_db()
    assert initiative.review == Review.PUBLIC
    assert mail.outbox[-1].to == [resident.email] and "staat online" in mail.outbox[-1].subject
    assert reverse("initiatives:detail", args=[initiative.slug]) in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_review(initiative=initiative, approve=True, actor=staff)  # a double click
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_review(initiative=initiative, approve=False, actor=staff)
    assert Initiative.objects.get(pk=initiative.pk).review == Review.REJECTED
    assert "niet geplaatst" in mail.outbox[-1].subject


# --- Phases -----------------------------------------------------------------------------------


def test_phase_changes_keep_their_history(make_initiative, resident):
    initiative = make_initiative(by=resident)
    services.initiative_change_phase(
        initiative=initiative, to_phase=Phase.CONNECT, actor=resident, reason="Partners gevonden"
    )
    services.initiative_change_phase(
        initiative=initiative, to_phase=Phase.ACCELERATE, actor=resident, reason="Het loopt"
    )
    history = list(initiative.phase_changes.values_list("from_phase", "to_phase", "reason"))
    assert history == [
        ("", "inspire", "Het initiatief is gestart."),
        ("inspire", "connect", "Partners gevonden"),
        ("connect", "accelerate", "Het loopt"),
    ]
    assert Initiative.objects.get(pk=initiative.pk).phase == Phase.ACCELERATE
    assert AuditLogEntry.objects.filter(code="actioncentre.initiative.phase_changed").count() == 2


def test_stopping_needs_a_lesson_and_the_same_phase_is_refused(make_initiative, resident):
    initiative = make_initiative(by=resident)
    with pytest.raises(ValidationError, match="al in deze fase"):
        services.initiative_change_phase(
            initiative=initiative, to_phase=Phase.INSPIRE, actor=resident, reason="x"
        )
    with pytest.raises(ValidationError, match="geleerd"):
        services.initiative_change_phase(
            initiative=initiative, to_phase=Phase.STOPPED, actor=resident, reason="Geen tijd", lesson="  "
        )
    with pytest.raises(ValidationError, match="waarom"):
        services.initiative_change_phase(
            initiative=initiative, to_phase=Phase.CONNECT, actor=resident, reason=""
        )
    assert initiative.phase_changes.count() == 1
    services.initiative_change_phase(
        initiative=initiative,
        to_phase=Phase.STOPPED,
        actor=resident,
        reason="Geen tijd",
        lesson="Begin klein.",
    )
    initiative.refresh_from_db()
    assert initiative.phase == Phase.STOPPED and initiative.lesson == "Begin klein."


# --- Needs, partners --------------------------------------------------------------------------


def test_needs_open_and_close(make_initiative, staff):
    initiative = make_initiative()
    need = services.need_add(initiative=initiative, help_type="place", description="Een keuken", actor=staff)
    with pytest.raises(ValidationError):
        services.need_add(initiative=initiative, help_type="rocket", description="x", actor=staff)
    services.need_close(need=need, actor=staff)
    need.refresh_from_db()
    assert not need.is_open


# --- Following and update e-mails -------------------------------------------------------------


def test_following_keeps_the_count_in_step(make_initiative, resident, outsider):
    initiative = make_initiative()
    services.initiative_follow(initiative=initiative, user=resident, kind=FollowKind.FOLLOW)
    # Again, as support: no double count.
    services.initiative_follow(initiative=initiative, user=resident, kind=FollowKind.SUPPORT)
    services.initiative_follow(initiative=initiative, user=outsider, kind=FollowKind.FOLLOW)
    assert Initiative.objects.get(pk=initiative.pk).followers_count == 2
    assert Follow.objects.get(user=resident).kind == FollowKind.SUPPORT
    assert services.initiative_unfollow(initiative=initiative, user=resident)
    assert not services.initiative_unfollow(initiative=initiative, user=resident)
    assert Initiative.objects.get(pk=initiative.pk).followers_count == 1


def test_a_pending_initiative_cannot_be_followed(make_initiative, resident, outsider):
    initiative = make_initiative(by=resident)
    with pytest.raises(ValidationError):
        services.initiative_follow(initiative=initiative, user=outsider, kind=FollowKind.FOLLOW)


def test_followers_get_updates_with_a_working_one_click_unsubscribe(
    make_initiative, resident, outsider, staff, django_capture_on_commit_callbacks
):
    initiative = make_initiative()
    services.initiative_follow(initiative=initiative, user=resident, kind=FollowKind.FOLLOW)
    quiet = services.initiative_follow(initiative=initiative, user=outsider, kind=FollowKind.SUPPORT)
    services.follow_stop_emails(follow=quiet)
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_update_post(initiative=initiative, author=staff, text="We hebben een keuken!")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [resident.email] and "We hebben een keuken!" in message.body
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body and "/initiatieven/afmelden/" in link
    path = link.removeprefix("http://127.0.0.1:8000")
    response = Client().post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Follow.objects.get(user=resident).email_updates
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_update_post(initiative=initiative, author=staff, text="Nog meer nieuws")
    assert len(mail.outbox) == 1


def test_news_mails_are_queued_once_per_follower_even_when_the_job_runs_again(
    make_initiative, resident, outsider, staff, django_capture_on_commit_callbacks
):
    initiative = make_initiative()
    for user in (resident, outsider):
        services.initiative_follow(initiative=initiative, user=user, kind=FollowKind.FOLLOW)
    with django_capture_on_commit_callbacks(execute=True):
        update = services.initiative_update_post(initiative=initiative, author=staff, text="Open dag")
    assert len(mail.outbox) == 2
    # The job killed half-way and run again, or run twice: nobody gets the news twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.initiative_update_send_mails(update_pk=update.pk) == 0
    assert len(mail.outbox) == 2


def test_links_are_rebuilt_for_follows_made_elsewhere_and_tampered_tokens_fail(
    make_initiative, resident, staff, django_capture_on_commit_callbacks
):
    initiative = make_initiative()
    made_elsewhere = FollowFactory(initiative=initiative, user=resident)
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_update_post(initiative=initiative, author=staff, text="Nieuws")
    token = unsubscribe_token(made_elsewhere)
    assert token in mail.outbox[0].body
    assert follow_for_token(token) == made_elsewhere
    assert follow_for_token(token[:-2] + "xx") is None
    assert follow_for_token("nonsense") is None


def test_a_pending_initiative_mails_nobody(
    make_initiative, resident, staff, django_capture_on_commit_callbacks
):
    initiative = make_initiative(by=resident)
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_update_post(initiative=initiative, author=resident, text="Nieuws")
    assert mail.outbox == []


def test_an_update_with_a_photo_needs_alt_text(make_initiative, staff):
    from veerkracht.lib.images import PreparedPhoto

    photo = PreparedPhoto(content=b"x", name="a.jpg", width=1, height=1)
    with pytest.raises(ValidationError, match="op de foto"):
        services.initiative_update_post(initiative=make_initiative(), author=staff, text="Kijk", photo=photo)


# --- Selectors --------------------------------------------------------------------------------


def test_counts_and_filters_for_the_list_and_the_map(make_initiative, region, resident):
    a = make_initiative("Koken", municipality="GM0935", themes=["food"], summary="Lekker eten")
    make_initiative("Wandelen", municipality="GM0935", themes=["movement"])
    b = make_initiative("Sporten", municipality="GM0917", themes=["movement"])
    make_initiative("Nog niet goedgekeurd", by=resident, municipality="GM0917")
    services.need_add(initiative=b, help_type="money", description="Ballen", actor=None)
    maastricht = region.municipalities.get(code="GM0935")
    heerlen = region.municipalities.get(code="GM0917")
    assert selectors.initiative_counts_by_municipality(region, {}) == {maastricht.pk: 2, heerlen.pk: 1}
    # The municipality filter does not apply to the map's counts; the others do.
    counts = selectors.initiative_counts_by_municipality(
        region, {"theme": "movement", "municipality": "GM0935"}
    )
    assert counts == {maastricht.pk: 1, heerlen.pk: 1}
    assert list(selectors.initiatives_for_list(region, {"need": "money"})) == [b]
    assert list(selectors.initiatives_for_list(region, {"q": "SPORT"})) == [b]
    assert set(selectors.initiatives_for_list(region, {"subregion": maastricht.subregion.slug})) >= {a}
    assert selectors.initiatives_for_list(region, {"phase": Phase.CONNECT}).count() == 0


def test_phase_changes_between_dates(make_initiative, region, staff):
    initiative = make_initiative()
    services.initiative_change_phase(initiative=initiative, to_phase=Phase.CONNECT, actor=staff, reason="x")
    PhaseChange.objects.filter(to_phase=Phase.INSPIRE).update(changed_at=timezone.now() - timedelta(days=40))
    now = timezone.now()
    recent = selectors.phase_changes_between(region, now - timedelta(days=30), now + timedelta(seconds=1))
    assert [(c.from_phase, c.to_phase) for c in recent] == [("inspire", "connect")]


def test_organisation_members_can_manage(make_initiative, region, resident, outsider):
    from veerkracht.accounts.services import membership_set
    from veerkracht.actioncentre.permissions.initiatives import can_manage

    org = OrganisationFactory()
    member = UserFactory(email="lid@example.org")
    membership_set(organisation=org, user=member)
    initiative = make_initiative(by=resident, organisation=org)
    assert can_manage(member, initiative) and can_manage(resident, initiative)
    assert not can_manage(outsider, initiative)
