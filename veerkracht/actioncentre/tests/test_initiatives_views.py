from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from veerkracht.accounts.models import MembershipRole
from veerkracht.accounts.services import membership_set
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import (
    Follow,
    FollowKind,
    Initiative,
    InitiativeUpdate,
    Need,
    Phase,
    RequestKind,
    Review,
)
from veerkracht.actioncentre.services import initiatives as services
from veerkracht.actioncentre.services import moderation, partnerships
from veerkracht.actioncentre.tokens import unsubscribe_token

from .factories import InitiativeFactory, InitiativeUpdateFactory, RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def owner(region):
    return UserFactory(email="eigenaar@example.org", municipality=region.municipalities.get(code="GM0935"))


@pytest.fixture
def organisation(region):
    return OrganisationFactory(name="Buurtwerk Maastricht")


@pytest.fixture
def member(organisation):
    user = UserFactory(email="medewerker@example.org")
    membership_set(organisation=organisation, user=user)
    return user


@pytest.fixture
def pending(region, owner, organisation):
    return InitiativeFactory(
        created_by=owner, title="Moestuin", review=None, owner=owner, organisation=organisation
    )


@pytest.fixture
def public(region, owner, organisation, staff):
    return InitiativeFactory(
        created_by=staff, title="Wandelgroep", review=None, owner=owner, organisation=organisation
    )


@pytest.fixture
def people(resident, outsider, owner, member, staff):
    return {
        "anonymous": None,
        "resident": resident,
        "outsider": outsider,
        "owner": owner,
        "member": member,
        "staff": staff,
    }


def _jpeg(size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 90)).save(out, format="JPEG")
    return out.getvalue()


# --- Permission matrix ------------------------------------------------------------------------

MANAGE_VIEWS = ["edit", "phase", "post_update", "needs", "partners"]
MANAGERS = {"owner", "member", "staff"}


@pytest.mark.parametrize("name", MANAGE_VIEWS)
def test_managing_pages_are_for_owner_members_and_staff_only(name, client_for, people, pending, public):
    for initiative in (pending, public):
        url = reverse(f"initiatives:{name}", args=[initiative.slug])
        for who, user in people.items():
            response = client_for(user).get(url)
            if who == "anonymous":
                assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
            elif who in MANAGERS:
                assert response.status_code == 200, (who, url)
            else:
                assert response.status_code == 404, (who, url)


def test_a_pending_initiative_is_hidden_from_everyone_but_its_managers(client_for, people, pending):
    url = reverse("initiatives:detail", args=[pending.slug])
    for who, user in people.items():
        response = client_for(user).get(url)
        if who in MANAGERS:
            assert response.status_code == 200
            assert "wacht op goedkeuring" in response.content.decode()
        else:
            assert response.status_code == 404, who


def test_public_pages_are_open_to_everyone(client_for, people, public):
    for user in people.values():
        client = client_for(user)
        assert client.get(reverse("initiatives:list")).status_code == 200
        html = client.get(reverse("initiatives:detail", args=[public.slug])).content.decode()
        assert public.title in html and "wacht op goedkeuring" not in html


def test_the_review_queue_is_for_staff_only(client_for, people, pending):
    for who, user in people.items():
        client = client_for(user)
        queue = client.get(reverse("initiatives:review"))
        decide = client.post(reverse("initiatives:review_decide", args=[pending.pk]), {"decision": "approve"})
        if who == "anonymous":
            assert queue.status_code == decide.status_code == 302
        elif who == "staff":
            assert queue.status_code == 200
            assert decide.status_code == 302
        else:
            assert queue.status_code == decide.status_code == 404, who
    assert Initiative.objects.get(pk=pending.pk).review == Review.PUBLIC


def test_creating_needs_an_account(client, client_for, resident):
    response = client.get(reverse("initiatives:create"))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert client_for(resident).get(reverse("initiatives:create")).status_code == 200


def test_following_needs_an_account_and_a_visible_initiative(client, client_for, public, pending, outsider):
    html = client.get(reverse("initiatives:detail", args=[public.slug])).content.decode()
    assert f"{reverse('account_login')}?next={reverse('initiatives:detail', args=[public.slug])}" in html
    response = client.post(reverse("initiatives:follow", args=[public.slug]), {"kind": "follow"})
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert client_for(outsider).post(reverse("initiatives:follow", args=[pending.slug])).status_code == 404
    assert client_for(outsider).get(reverse("initiatives:follow", args=[public.slug])).status_code == 405
    assert not Follow.objects.exists()


def test_closing_a_need_is_for_managers_of_that_initiative(
    client_for, public, pending, outsider, owner, staff
):
    need = services.need_add(initiative=public, help_type="place", description="Een zaal", actor=staff)
    other = services.need_add(initiative=pending, help_type="money", description="Geld", actor=staff)
    url = reverse("initiatives:need_close", args=[public.slug, need.pk])
    assert client_for(None).post(url).status_code == 302
    assert client_for(outsider).post(url).status_code == 404
    # A need of another initiative cannot be closed through this one.
    wrong = reverse("initiatives:need_close", args=[public.slug, other.pk])
    assert client_for(owner).post(wrong).status_code == 404
    assert Need.objects.filter(is_open=True).count() == 2
    assert client_for(owner).post(url).status_code == 302
    assert not Need.objects.get(pk=need.pk).is_open


# --- Flows ------------------------------------------------------------------------------------


def test_a_resident_registers_an_initiative_that_waits_for_approval(client_for, resident, region):
    client = client_for(resident)
    municipality = region.municipalities.get(code="GM0917")
    data = {
        "title": "Buurtmoestuin",
        "summary": "Samen groenten kweken.",
        "description": "Elke zaterdag in de tuin.",
        "municipality": municipality.pk,
        "who": "Buren uit de wijk",
        "themes": ["food", "nature"],
        "dimensions": ["body"],
    }
    response = client.post(reverse("initiatives:create"), data)
    initiative = Initiative.objects.get()
    assert response.url == reverse("initiatives:detail", args=[initiative.slug])
    assert (initiative.review, initiative.owner, initiative.municipality) == (
        Review.PENDING,
        resident,
        municipality,
    )
    assert initiative.theme_labels == ["Gezond eten", "Natuur en buiten"]
    html = client.get(response.url).content.decode()
    assert "Het actiecentrum kijkt er even naar" in html and "wacht op goedkeuring" in html
    assert reverse("initiatives:list") in html


def test_bad_input_shows_the_form_again_and_saves_nothing(client_for, resident, region):
    response = client_for(resident).post(
        reverse("initiatives:create"), {"title": "", "municipality": "999999", "themes": ["bogus"]}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert not Initiative.objects.exists()


def test_staff_turn_an_idea_into_an_initiative(client_for, staff, resident, region):
    idea = RequestFactory(
        kind=RequestKind.IDEA,
        title="Repair café",
        description="Samen spullen maken.",
        themes=1 << 2,
        name="Piet",
        email="piet@example.org",
        sender=resident,
    )
    url = f"{reverse('initiatives:create')}?vraag={idea.pk}"
    assert client_for(resident).get(url).status_code == 404
    assert client_for(staff).get(f"{reverse('initiatives:create')}?vraag=abc").status_code == 404
    html = client_for(staff).get(url).content.decode()
    assert 'value="Repair café"' in html and "Samen spullen maken." in html
    response = client_for(staff).post(
        url,
        {
            "title": "Repair café",
            "summary": "Samen repareren.",
            "description": "Samen spullen maken.",
            "municipality": idea.municipality_id,
            "who": "Vrijwilligers",
            "themes": ["work"],
        },
    )
    initiative = Initiative.objects.get()
    assert response.url == reverse("initiatives:detail", args=[initiative.slug])
    assert initiative.review == Review.PUBLIC and initiative.owner == resident
    idea.refresh_from_db()
    assert idea.initiative == initiative
    # A second time leads to the existing initiative.
    assert client_for(staff).get(url).url == reverse("initiatives:detail", args=[initiative.slug])


def test_the_owner_edits_details_and_may_pick_only_their_own_organisation(
    client_for, member, public, organisation, region
):
    other = OrganisationFactory(name="Andere club")
    client = client_for(member)
    url = reverse("initiatives:edit", args=[public.slug])
    html = client.get(url).content.decode()
    assert organisation.name in html and other.name not in html
    base = {
        "title": "Wandelgroep Noord",
        "summary": "Wandelen",
        "description": "Elke dinsdag",
        "municipality": public.municipality_id,
        "who": "Buren",
        "dimensions": ["participation"],
    }
    assert client.post(url, base | {"organisation": other.pk}).status_code == 200
    response = client.post(url, base | {"organisation": organisation.pk})
    assert response.status_code == 302
    public.refresh_from_db()
    # A member is not staff: the new name waits for approval; choices from a list change at once.
    assert public.title == "Wandelgroep" and public.slug == "wandelgroep"
    assert public.dimension_labels and public.revisions.get().title == "Wandelgroep Noord"


def test_changing_phase_and_stopping_with_a_lesson(client_for, owner, public):
    client = client_for(owner)
    url = reverse("initiatives:phase", args=[public.slug])
    response = client.post(url, {"to_phase": Phase.STOPPED, "reason": "Geen vrijwilligers", "lesson": ""})
    assert response.status_code == 200 and "geleerd" in response.content.decode()
    assert Initiative.objects.get(pk=public.pk).phase == Phase.INSPIRE
    # The current phase is not offered.
    assert client.post(url, {"to_phase": Phase.INSPIRE, "reason": "x"}).status_code == 200
    client.post(url, {"to_phase": Phase.CONNECT, "reason": "Partners gevonden"})
    response = client.post(url, {"to_phase": Phase.STOPPED, "reason": "Klaar", "lesson": "Begin klein."})
    assert response.status_code == 302
    html = client.get(reverse("initiatives:detail", args=[public.slug])).content.decode()
    assert "Dit initiatief is gestopt." in html and "Begin klein." in html
    assert "Partners gevonden" in html and html.count("gedaan") == 2


def test_posting_news_with_a_photo_mails_followers(
    client_for, owner, resident, staff, public, django_capture_on_commit_callbacks
):
    services.initiative_follow(initiative=public, user=resident, kind=FollowKind.SUPPORT)
    client = client_for(owner)
    url = reverse("initiatives:post_update", args=[public.slug])
    form_html = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in form_html
    photo = SimpleUploadedFile("IMG_0001 Jan.jpg", _jpeg(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"text": "De eerste tocht!", "photo": photo, "photo_alt": "Tien wandelaars"}
        )
    assert response.status_code == 302
    assert not mail.outbox  # the owner is not staff: the news waits for approval
    with django_capture_on_commit_callbacks(execute=True):
        moderation.update_approve(update=InitiativeUpdate.objects.get(), actor=staff)
    update = InitiativeUpdate.objects.get()
    assert update.photo.name.startswith(f"initiatieven/{public.pk}/") and "Jan" not in update.photo.name
    assert update.photo_name and update.photo.name.endswith(update.photo_name)
    html = client_for(None).get(reverse("initiatives:detail", args=[public.slug])).content.decode()
    assert 'alt="Tien wandelaars"' in html and update.photo.url in html
    followers = [m for m in mail.outbox if "De eerste tocht!" in m.body]
    assert [m.to for m in followers] == [[resident.email]]
    assert [m.to for m in mail.outbox if m not in followers] == [[owner.email]]  # "it is online"


def test_a_bad_photo_gives_a_form_error_and_saves_nothing(client_for, owner, public, tmp_path):
    client = client_for(owner)
    url = reverse("initiatives:post_update", args=[public.slug])
    fake = SimpleUploadedFile("foto.jpg", b"gewoon tekst\n" * 50, content_type="image/jpeg")
    response = client.post(url, {"text": "Nieuws", "photo": fake, "photo_alt": "iets"})
    assert response.status_code == 200 and "geen foto die we kunnen gebruiken" in response.content.decode()
    no_alt = SimpleUploadedFile("foto.jpg", _jpeg(), content_type="image/jpeg")
    response = client.post(url, {"text": "Nieuws", "photo": no_alt})
    assert response.status_code == 200 and "wat er op de foto staat" in response.content.decode()
    assert not InitiativeUpdate.objects.exists()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_needs_and_partners_are_managed_and_shown(client_for, member, public, region):
    partner = OrganisationFactory(name="Sportclub Heer")
    client = client_for(member)
    client.post(
        reverse("initiatives:needs", args=[public.slug]), {"help_type": "place", "description": "Een zaal"}
    )
    response = client.post(
        reverse("initiatives:needs", args=[public.slug]), {"help_type": "x", "description": ""}
    )
    assert response.status_code == 200 and Need.objects.count() == 1
    client.post(reverse("initiatives:partners", args=[public.slug]), {"partners": [partner.pk]})
    admin = UserFactory(email="beheer@sportclub.example.org")
    membership_set(organisation=partner, user=admin, role=MembershipRole.ADMIN)
    partnerships.partner_link_decide(link=public.partner_links.get(), actor=admin, accept=True)
    html = client_for(None).get(reverse("initiatives:detail", args=[public.slug])).content.decode()
    assert "Een zaal" in html and "Een plek" in html
    assert f'href="/verbinden/partners/{partner.slug}/"' in html


def test_following_and_supporting_from_the_page(client_for, resident, public):
    client = client_for(resident)
    client.post(reverse("initiatives:follow", args=[public.slug]), {"kind": "support"})
    html = client.get(reverse("initiatives:detail", args=[public.slug])).content.decode()
    assert "Je steunt dit initiatief." in html and "1 persoon volgt of steunt dit" in html
    client.post(reverse("initiatives:unfollow", args=[public.slug]))
    assert Initiative.objects.get(pk=public.pk).followers_count == 0


def test_list_filters_work_without_javascript(client, region, staff):
    InitiativeFactory(created_by=staff, title="Koken", review=None, code="GM0935", themes=["food"])
    sport = InitiativeFactory(
        created_by=staff, title="Sporten", review=None, code="GM0917", themes=["movement"]
    )
    services.initiative_change_phase(initiative=sport, to_phase=Phase.CONNECT, actor=staff, reason="x")
    services.need_add(initiative=sport, help_type="money", description="Ballen", actor=staff)

    def titles(**params):
        html = client.get(reverse("initiatives:list"), params).content.decode()
        return {t for t in ("Koken", "Sporten") if f">{t}</a>" in html}

    assert titles() == {"Koken", "Sporten"}
    assert titles(gemeente="GM0917") == {"Sporten"}
    assert titles(fase="connect") == {"Sporten"}
    assert titles(thema="food") == {"Koken"}
    assert titles(nodig="money") == {"Sporten"}
    assert titles(q="kok") == {"Koken"}
    assert titles(deelregio=region.municipalities.get(code="GM0935").subregion.slug) >= {"Koken"}
    # A wrong value is reported and ignored, never a 500.
    response = client.get(reverse("initiatives:list"), {"fase": "vliegen", "page": "x"})
    assert response.status_code == 200 and "Er ging iets mis" in response.content.decode()


# --- Unsubscribe ------------------------------------------------------------------------------


def test_unsubscribe_confirm_then_post(client, resident, public):
    follow = services.initiative_follow(initiative=public, user=resident, kind=FollowKind.FOLLOW)
    url = reverse("initiatives:unsubscribe", args=[unsubscribe_token(follow)])
    html = client.get(url).content.decode()
    assert "Ja, stuur me geen e-mails meer" in html
    assert Follow.objects.get().email_updates  # a GET (e.g. a link scanner) changes nothing
    response = client.post(url)
    assert response.status_code == 302 and response.url == url
    assert not Follow.objects.get().email_updates
    assert "Je krijgt geen e-mails meer" in client.get(url).content.decode()
    assert Initiative.objects.get(pk=public.pk).followers_count == 1  # still following


def test_one_click_unsubscribe_needs_no_csrf_token(resident, public):
    from django.test import Client

    follow = services.initiative_follow(initiative=public, user=resident, kind=FollowKind.FOLLOW)
    url = reverse("initiatives:unsubscribe", args=[unsubscribe_token(follow)])
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert not Follow.objects.get().email_updates


def test_an_invalid_unsubscribe_link_is_a_404(client, resident, public):
    follow = services.initiative_follow(initiative=public, user=resident, kind=FollowKind.FOLLOW)
    token = unsubscribe_token(follow)
    for bad in ("onzin", token[:-1] + ("A" if token[-1] != "A" else "B")):
        assert client.get(reverse("initiatives:unsubscribe", args=[bad])).status_code == 404
        assert client.post(reverse("initiatives:unsubscribe", args=[bad])).status_code == 404
    services.initiative_unfollow(initiative=public, user=resident)
    assert client.get(reverse("initiatives:unsubscribe", args=[token])).status_code == 404


# --- Query counts -----------------------------------------------------------------------------


def _count_queries(client, url, params=None) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params or {})  # warm up: the first request of a session does one-time work
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_list_page_query_count_does_not_grow(client, region, staff):
    def add(start, stop):
        for i in range(start, stop):
            InitiativeFactory(
                created_by=staff,
                title=f"Initiatief {i}",
                review=None,
                code=("GM0935", "GM0917", "GM0983")[i % 3],
            )

    add(0, 3)
    url = reverse("initiatives:list")
    few = (_count_queries(client, url), _count_queries(client, url, {"thema": "food", "nodig": "money"}))
    add(3, 30)
    many = (_count_queries(client, url), _count_queries(client, url, {"thema": "food", "nodig": "money"}))
    assert few == many and max(many) <= 6, (few, many)


def test_the_detail_page_query_count_does_not_grow(client_for, region, staff, resident, public):
    services.initiative_follow(initiative=public, user=resident, kind=FollowKind.FOLLOW)
    phases = [Phase.CONNECT, Phase.ACCELERATE]

    def add(start, stop):
        for i in range(start, stop):
            services.initiative_update_post(initiative=public, author=staff, text=f"Nieuws {i}")
            services.need_add(initiative=public, help_type="people", description=f"Hulp {i}", actor=staff)
            public.partners.add(OrganisationFactory())
            services.initiative_change_phase(
                initiative=public, to_phase=phases[i % 2], actor=staff, reason="r"
            )

    url = reverse("initiatives:detail", args=[public.slug])
    add(0, 3)
    few = [_count_queries(client_for(user), url) for user in (None, resident, staff)]
    add(3, 30)
    many = [_count_queries(client_for(user), url) for user in (None, resident, staff)]
    assert few == many and max(many) <= 15, (few, many)  # 15: one for the linked stories


def test_the_review_queue_query_count_does_not_grow(client_for, region, resident, staff):
    def add(start, stop):
        for i in range(start, stop):
            InitiativeFactory(created_by=resident, title=f"Wacht {i}", review=None, owner=resident)

    client = client_for(staff)
    add(0, 3)
    few = _count_queries(client, reverse("initiatives:review"))
    add(3, 30)
    many = _count_queries(client, reverse("initiatives:review"))
    assert few == many and many <= 10, (few, many)
    assert client.get(reverse("initiatives:review")).content.decode().count("Zet op de website") == 30


def test_public_pages_never_show_part_of_an_e_mail_address(client, region):
    author = UserFactory(email="jan.de.vries.1970@example.org", display_name="")
    initiative = InitiativeFactory(owner=author)
    InitiativeUpdateFactory(initiative=initiative, author=author, text="Nieuws!")
    html = client.get(reverse("initiatives:detail", args=[initiative.slug])).content.decode()
    assert "Nieuws!" in html and "jan.de.vries" not in html


@pytest.mark.parametrize("who", [None, "resident", "outsider", "professional", "staff"])
def test_who_can_help_is_shown_only_to_those_who_may_open_it(region, client_for, request, who, resident):
    """Also on an initiative without an owner (placed by staff, or its owner's account is gone)."""
    from veerkracht.actioncentre.tests.factories import InitiativeFactory, NeedFactory

    user = request.getfixturevalue(who) if who else None
    client = client_for(user)
    for owner in (None, resident):
        initiative = InitiativeFactory(owner=owner)
        need = NeedFactory(initiative=initiative)
        html = client.get(reverse("initiatives:detail", args=[initiative.slug])).content.decode()
        link = reverse("connect:suggestions", args=[need.pk])
        shown = link in html
        opens = client.get(link).status_code == 200
        assert shown == opens, (who, owner)
        assert shown == (who == "staff" or (who == "resident" and owner == resident)), (who, owner)
