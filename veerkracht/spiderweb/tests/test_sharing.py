from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.core.models import AuditLogEntry
from veerkracht.spiderweb.models import ConversationNote, Share, ShareScope
from veerkracht.spiderweb.services import sharing as sharing_services
from veerkracht.spiderweb.services import webs as web_services

pytestmark = pytest.mark.django_db


def _share(web, scope=ShareScope.ONE, days=30, email=""):
    return sharing_services.share_create(
        web=web, scope=scope, expires_at=timezone.now() + timedelta(days=days), invite_email=email
    )


@pytest.fixture
def other_professional(region):
    return UserFactory(email="andere-professional@example.org", roles=[Role.PROFESSIONAL])


@pytest.fixture
def shared(resident, professional, make_web):
    web = make_web(resident)
    _unclaimed, code = _share(web)
    return sharing_services.share_claim(professional=professional, code=code), web


def test_a_code_is_one_time_and_stored_only_as_a_hash(resident, professional, other_professional, make_web):
    share, code = _share(make_web(resident))
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert code.replace("-", "") not in share.code_hash
    sharing_services.share_claim(professional=professional, code=code.lower().replace("-", " "))
    with pytest.raises(ValidationError, match="al gebruikt"):
        sharing_services.share_claim(professional=other_professional, code=code)


def test_only_professionals_can_claim_and_not_their_own_web(resident, staff, make_web, region):
    share, code = _share(make_web(resident))
    with pytest.raises(ValidationError, match="Alleen professionals"):
        sharing_services.share_claim(professional=staff, code=code)
    pro = UserFactory(email="zelf@example.org", roles=[Role.PROFESSIONAL])
    _own, own_code = _share(
        web_services.assessment_create_from_answers(
            owner=pro,
            instrument=share.assessment.instrument,
            answers=share.assessment.answers,
            talk_about=[],
        )
    )
    with pytest.raises(ValidationError, match="eigen spinnenweb"):
        sharing_services.share_claim(professional=pro, code=own_code)


def test_an_e_mail_invitation_is_sent_and_only_that_person_can_use_it(
    resident, professional, other_professional, make_web, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _share_obj, code = _share(make_web(resident), email="Professional@Example.org")
    assert mail.outbox[-1].to == ["professional@example.org"]
    assert code in mail.outbox[-1].body and "wil een spinnenweb met je bespreken" in mail.outbox[-1].subject
    with pytest.raises(ValidationError, match="ander e-mailadres"):
        sharing_services.share_claim(professional=other_professional, code=code)
    sharing_services.share_claim(professional=professional, code=code)


def test_expiry_dates_are_checked(resident, make_web):
    web = make_web(resident)
    with pytest.raises(ValidationError, match="toekomst"):
        _share(web, days=-1)
    with pytest.raises(ValidationError, match="hoogstens een jaar"):
        _share(web, days=400)
    assert not Share.objects.exists()


def test_scope_one_shows_one_web_and_future_also_new_ones(resident, professional, make_web):
    first = make_web(resident)
    one, code_one = _share(first, ShareScope.ONE)
    future, code_future = _share(first, ShareScope.FUTURE)
    sharing_services.share_claim(professional=professional, code=code_one)
    sharing_services.share_claim(professional=professional, code=code_future)
    older = make_web(resident)
    type(older).objects.filter(pk=older.pk).update(completed_at=timezone.now() - timedelta(days=90))
    later = make_web(resident)
    older.refresh_from_db()
    assert one.covers(first) and not one.covers(later)
    assert future.covers(first) and future.covers(later) and not future.covers(older)


SHARED_VIEW = "spiderweb:shared_web"


def _url(share, web):
    return reverse(SHARED_VIEW, args=[share.pk, web.pk])


def test_the_invited_professional_sees_the_web_and_every_view_is_logged(
    client_for, shared, professional, resident
):
    share, web = shared
    client = client_for(professional)
    response = client.get(_url(share, web))
    assert response.status_code == 200
    assert "<svg" in response.content.decode()
    client.get(_url(share, web))
    entries = AuditLogEntry.objects.filter(code="spiderweb.assessment.viewed", person=resident)
    assert entries.count() == 2
    assert entries.first().actor == professional and entries.first().data["share"] == share.pk
    log_page = client_for(resident).get(reverse("spiderweb:sharing")).content.decode()
    assert professional.display_name in log_page and "bekeek je spinnenweb" in log_page


@pytest.mark.parametrize(
    "persona", ["other_professional", "staff", "analyst", "region_admin", "outsider", "resident"]
)
def test_nobody_else_sees_a_shared_web(request, client_for, shared, persona):
    share, web = shared
    assert client_for(request.getfixturevalue(persona)).get(_url(share, web)).status_code == 404
    assert not AuditLogEntry.objects.filter(code="spiderweb.assessment.viewed").exists()


def test_anonymous_visitors_must_log_in(client, shared):
    share, web = shared
    response = client.get(_url(share, web))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_revocation_and_expiry_take_effect_at_once(client_for, shared, professional, resident):
    share, web = shared
    client = client_for(professional)
    assert client.get(_url(share, web)).status_code == 200
    response = client_for(resident).post(reverse("spiderweb:share_revoke", args=[share.pk]))
    assert response.status_code == 302
    assert client.get(_url(share, web)).status_code == 404
    assert client.post(_url(share, web), {"text": "nog iets"}).status_code == 404
    home = client.get(reverse("spiderweb:shared_home")).content.decode()
    assert "gestopt op" in home and _url(share, web) not in home
    share.revoked_at = None
    share.expires_at = timezone.now() - timedelta(seconds=1)
    share.save()
    assert client.get(_url(share, web)).status_code == 404
    home = client.get(reverse("spiderweb:shared_home")).content.decode()
    assert "verlopen op" in home and _url(share, web) not in home
    share.expires_at = timezone.now() - timedelta(days=91)  # long ago: no longer listed
    share.save()
    assert resident.display_name not in client.get(reverse("spiderweb:shared_home")).content.decode()


def test_a_web_outside_the_share_is_not_shown(client_for, shared, professional, resident, make_web):
    share, _web = shared
    other = make_web(resident)
    assert client_for(professional).get(_url(share, other)).status_code == 404


def test_professional_notes_are_visible_to_the_resident(client_for, shared, professional, resident):
    share, web = shared
    client = client_for(professional)
    assert client.post(_url(share, web), {"text": "We spraken over bewegen."}).status_code == 302
    assert client.post(_url(share, web), {"text": ""}).status_code == 200  # empty note: form error
    assert ConversationNote.objects.count() == 1
    html = client_for(resident).get(reverse("spiderweb:result", args=[web.pk])).content.decode()
    assert "We spraken over bewegen." in html


def test_only_the_owner_can_revoke_or_share(client_for, shared, professional, outsider, resident, make_web):
    share, web = shared
    assert client_for(outsider).post(reverse("spiderweb:share_revoke", args=[share.pk])).status_code == 404
    assert (
        client_for(professional).post(reverse("spiderweb:share_revoke", args=[share.pk])).status_code == 404
    )
    assert client_for(outsider).get(reverse("spiderweb:share_create", args=[web.pk])).status_code == 404
    share.refresh_from_db()
    assert share.revoked_at is None


def test_sharing_through_the_pages(client_for, resident, professional, make_web):
    web = make_web(resident)
    owner = client_for(resident)
    bad = owner.post(
        reverse("spiderweb:share_create", args=[web.pk]),
        {"method": "email", "scope": "one", "duration": "30"},
    )
    assert "Vul het e-mailadres" in bad.content.decode()
    response = owner.post(
        reverse("spiderweb:share_create", args=[web.pk]),
        {"method": "code", "scope": "future", "duration": "91"},
    )
    code = re.search(r'<span class="vk-code">([A-Z0-9-]+)</span>', response.content.decode()).group(1)
    pro = client_for(professional)
    assert pro.post(reverse("spiderweb:shared_home"), {"code": "XXXX-XXXX"}).status_code == 200
    response = pro.post(reverse("spiderweb:shared_home"), {"code": code})
    share = Share.objects.get()
    assert response.url == _url(share, web)
    assert resident.display_name in pro.get(reverse("spiderweb:shared_home")).content.decode()


def test_the_shared_page_is_only_for_professionals(client_for, resident, staff):
    assert client_for(resident).get(reverse("spiderweb:shared_home")).status_code == 404
    assert client_for(staff).get(reverse("spiderweb:shared_home")).status_code == 404


def test_guessing_codes_is_stopped_and_every_failure_is_written_down(client_for, professional, settings):
    from django.urls import reverse

    from veerkracht.core.models import AuditLogEntry
    from veerkracht.spiderweb.views import sharing as views

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    client = client_for(professional)
    url = reverse("spiderweb:shared_home")
    limit = views.CLAIMS_PER_PROFESSIONAL[0]
    for i in range(limit):
        response = client.post(url, {"code": f"AAAA-{i:04d}"})
        assert response.status_code == 200 and "klopt niet" in response.content.decode()
    response = client.post(url, {"code": "AAAA-9999"})
    assert response.status_code == 429 and "te vaak een code geprobeerd" in response.content.decode()
    failures = AuditLogEntry.objects.filter(code="spiderweb.share.claim_failed", actor=professional)
    assert failures.count() == limit
    assert all("AAAA" not in str(entry.data) for entry in failures)  # the tried code is never stored


def test_codes_tried_from_one_address_are_limited_across_accounts(client_for, region, settings):
    from django.urls import reverse

    from veerkracht.accounts.tests.factories import UserFactory
    from veerkracht.spiderweb.views import sharing as views

    url = reverse("spiderweb:shared_home")
    limit = views.CLAIMS_PER_ADDRESS[0]
    tried = 0
    for n in range(limit // views.CLAIMS_PER_PROFESSIONAL[0] + 1):
        client = client_for(UserFactory(email=f"gp{n}@example.org", roles=[Role.PROFESSIONAL]))
        for _ in range(views.CLAIMS_PER_PROFESSIONAL[0]):
            status = client.post(url, {"code": "BBBB-CCCC"}, REMOTE_ADDR="192.0.2.10").status_code
            tried += 1
            if tried > limit:
                assert status == 429
                return
    pytest.fail("the address limit never applied")


def test_the_professional_reads_about_the_resident_not_to_them(client_for, resident, professional, make_web):
    web = make_web(resident)
    web.talk_about = [next(iter(web.answers))]
    web.save(update_fields=["talk_about"])
    _unclaimed, code = _share(web)
    share = sharing_services.share_claim(professional=professional, code=code)
    html = (
        client_for(professional)
        .get(reverse("spiderweb:shared_web", args=[share.pk, web.pk]))
        .content.decode()
    )
    name = resident.display_name
    assert f"Hierover wil {name} praten" in html and f"De cijfers van {name} per onderdeel" in html
    assert "antwoord: 6 van 10" in html
    assert "Hierover wil je praten" not in html and "Je cijfers per onderdeel" not in html
    # The resident's own page speaks to them, and says what the number is.
    own = client_for(resident).get(reverse("spiderweb:result", args=[web.pk])).content.decode()
    assert "Hierover wil je praten" in own and "jouw antwoord: 6 van 10" in own
