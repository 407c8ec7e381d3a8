from __future__ import annotations

import pytest
from django.urls import reverse

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.learning.services.certificates import certificate_revoke

from .factories.certificates import make_certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(region):
    return UserFactory(roles=(Role.TRAINING_COORDINATOR,))


def _private_urls(number):
    return [
        reverse("learning:certificate_pdf", args=[number]),
        reverse("learning:certificate_badge", args=[number]),
        reverse("learning:certificate_badge_jwt", args=[number]),
    ]


def test_the_learner_downloads_their_pdf_and_badges(client_for, region):
    certificate = make_certificate()
    client = client_for(certificate.enrolment.user)
    page = client.get(reverse("learning:certificates_mine"))
    assert certificate.number in page.content.decode()
    pdf, badge, jwt = (client.get(url) for url in _private_urls(certificate.number))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert badge.json()["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert jwt["Content-Type"] == "application/vc+jwt" and jwt.content.count(b".") == 2


def test_nobody_else_gets_a_learners_pdf_or_badge(client_for, region, outsider, coordinator):
    certificate = make_certificate()
    for user in (None, outsider, coordinator):
        client = client_for(user)
        for url in _private_urls(certificate.number):
            response = client.get(url)
            assert response.status_code in (302, 404), url
            if user is not None:
                assert response.status_code == 404, url


def test_the_public_page_shows_name_course_date_and_status_only(client, region):
    certificate = make_certificate(accreditation_points=3, accreditation_register="Register X")
    response = client.get(reverse("learning:certificate_verify", args=[certificate.number]))
    text = response.content.decode()
    assert response.status_code == 200 and "Dit certificaat is echt" in text
    assert certificate.holder_name in text and certificate.course_title in text
    assert certificate.enrolment.user.email not in text and "Register X" not in text


def test_a_revoked_certificate_says_so_and_when(client, region):
    certificate = certificate_revoke(certificate=make_certificate(), actor=None, reason="Geheime reden")
    text = client.get(reverse("learning:certificate_verify", args=[certificate.number])).content.decode()
    assert "ingetrokken" in text and "Geheime reden" not in text


@pytest.mark.parametrize("number", ["VK-2025-AAAA-BBBB", "onzin", "%3Cscript%3E"])
def test_an_unknown_number_is_a_friendly_404(client, region, number):
    response = client.get(reverse("learning:certificate_verify", args=[number]))
    assert response.status_code == 404
    assert "Dit certificaat kennen we niet" in response.content.decode()


def test_the_form_sends_a_typed_number_to_its_page(client, region):
    certificate = make_certificate()
    typed = certificate.number.lower().replace("-", " ")
    response = client.get(reverse("learning:certificate_verify_form"), {"nummer": typed}, follow=True)
    assert response.status_code == 200 and certificate.holder_name in response.content.decode()
    empty = client.get(reverse("learning:certificate_verify_form"), {"nummer": ""})
    assert "Vul het nummer van het certificaat in" in empty.content.decode()


def test_the_public_key_and_issuer_are_published(client, region):
    keys = client.get(reverse("learning:certificate_keys")).json()["keys"]
    assert keys[0]["kty"] == "OKP" and keys[0]["crv"] == "Ed25519" and "d" not in keys[0]
    assert client.get(reverse("learning:certificate_issuer")).json()["type"] == ["Profile"]


def test_the_coordinator_lists_and_revokes(client_for, region, coordinator):
    certificates = [make_certificate() for _i in range(3)]
    client = client_for(coordinator)
    url = reverse("learning:certificates_manage")
    response = client.get(url, {"q": certificates[0].holder_name})
    assert certificates[0].number in response.content.decode()
    revoke = reverse("learning:certificate_revoke", args=[certificates[0].number])
    bad = client.post(revoke, {"reason": ""})
    assert bad.status_code == 400 and "Schrijf waarom" in bad.content.decode()
    assert client.post(revoke, {"reason": "Fout uitgegeven"}).status_code == 302
    certificates[0].refresh_from_db()
    assert certificates[0].is_revoked
    again = client.post(revoke, {"reason": "Nog eens"})
    assert again.status_code in (200, 400) and "al ingetrokken" in again.content.decode()


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def test_the_list_has_a_constant_number_of_queries(
    client_for, region, coordinator, django_assert_num_queries
):
    make_certificate()
    client = client_for(coordinator)
    url = reverse("learning:certificates_manage")
    client.get(url)
    count = _queries(client, url)
    for _i in range(5):
        make_certificate()
    with django_assert_num_queries(count):
        client.get(url)


def test_learners_and_others_cannot_reach_the_coordinators_pages(client_for, region, outsider):
    certificate = make_certificate()
    for user in (outsider, certificate.enrolment.user):
        client = client_for(user)
        assert client.get(reverse("learning:certificates_manage")).status_code == 404
        revoke = reverse("learning:certificate_revoke", args=[certificate.number])
        assert client.post(revoke, {"reason": "x"}).status_code == 404
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_looking_up_many_numbers_is_slowed_down(client, region, monkeypatch):
    from veerkracht.learning.views import certificates as views

    monkeypatch.setattr(views, "VERIFY_LIMIT", (2, 600))
    url = reverse("learning:certificate_verify", args=["VK-2025-AAAA-BBBB"])
    assert [client.get(url).status_code for _i in range(3)] == [404, 404, 429]


def test_the_coordinator_reissues_a_revoked_certificate(client_for, region, coordinator, outsider):
    old = certificate_revoke(certificate=make_certificate(), actor=coordinator, reason="Naam fout")
    url = reverse("learning:certificate_reissue", args=[old.number])
    assert client_for(outsider).post(url).status_code == 404
    assert client_for(old.enrolment.user).post(url).status_code == 404
    client = client_for(coordinator)
    assert client.get(url).status_code == 405
    page = client.post(url, follow=True).content.decode()
    new = old.enrolment.certificates.get(revoked_at__isnull=True)
    assert new.number in page and "Nieuw certificaat uitgeven" not in page
    again = client.post(url, follow=True).content.decode()
    assert "al een nieuw certificaat" in again
