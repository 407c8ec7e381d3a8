from __future__ import annotations

import base64
import json
import re
import zlib

import pytest
from django.core.exceptions import ValidationError

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.core.models import AuditLogEntry
from veerkracht.learning import documents
from veerkracht.learning.models import Certificate, EnrolmentStatus
from veerkracht.learning.models.certificates import NUMBER_ALPHABET
from veerkracht.learning.selectors.certificates import certificate_by_number, normalise_number
from veerkracht.learning.services.certificates import certificate_issue, certificate_revoke, new_number
from veerkracht.learning.services.enrolments import enrolment_complete

from .factories.catalogue import EnrolmentFactory
from .factories.certificates import make_certificate

pytestmark = pytest.mark.django_db


def test_completing_an_enrolment_issues_one_certificate_dated_on_completion(region):
    enrolment = EnrolmentFactory(
        cohort__course__accreditation_points=4, cohort__course__accreditation_register="ABC"
    )
    enrolment = enrolment_complete(enrolment=enrolment)
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.issued_at == enrolment.completed_at
    assert certificate.course_title == enrolment.cohort.course.title
    assert certificate.accreditation_register == "ABC"
    assert certificate_issue(enrolment=enrolment) == certificate  # idempotent
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_an_enrolment_that_is_not_completed_gets_no_certificate(region):
    with pytest.raises(ValueError):
        certificate_issue(enrolment=EnrolmentFactory(status=EnrolmentStatus.ENROLLED))


def test_numbers_are_random_and_without_look_alikes():
    numbers = {new_number(2025) for _i in range(200)}
    assert len(numbers) == 200
    for number in numbers:
        assert re.fullmatch(rf"VK-2025-[{NUMBER_ALPHABET}]{{4}}-[{NUMBER_ALPHABET}]{{4}}", number)
        assert not set(number[8:]) & set("01OIL")


@pytest.mark.parametrize("typed", ["vk-2025-abcd-efgh", " VK 2025 ABCD EFGH ", "VK2025ABCDEFGH"])
def test_a_typed_number_is_normalised(typed):
    assert normalise_number(typed) == "VK-2025-ABCD-EFGH"


@pytest.mark.parametrize("typed", ["", "VK-2025-ABCD", "VK-2025-ABC0-EFGH", "'; drop table", "x" * 500])
def test_what_cannot_be_a_number_finds_nothing(typed, region):
    assert normalise_number(typed) is None
    assert certificate_by_number(typed) is None


def test_revoking_needs_a_reason_and_is_logged(region):
    certificate = make_certificate()
    coordinator = UserFactory(roles=(Role.TRAINING_COORDINATOR,))
    with pytest.raises(ValidationError):
        certificate_revoke(certificate=certificate, actor=coordinator, reason="  ")
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    certificate = certificate_revoke(certificate=certificate, actor=coordinator, reason="Verkeerde cursus")
    assert certificate.is_revoked and certificate.revoked_by == coordinator
    entry = AuditLogEntry.objects.get(code="learning.certificate.revoked")
    assert entry.data["reason"] == "Verkeerde cursus"
    with pytest.raises(ValidationError):
        certificate_revoke(certificate=certificate, actor=coordinator, reason="Nog eens")


def test_the_pdf_renders_with_the_verification_url(region):
    certificate = make_certificate()
    html = documents.certificate_html(certificate, region)
    assert documents.verification_url(certificate) in html and "<svg" in html
    pdf = documents.certificate_pdf(certificate, region)
    assert pdf.startswith(b"%PDF")
    # The address is also a link in the PDF: a URI annotation, in one of its (compressed) streams.
    assert documents.verification_url(certificate).encode() in _inflated(pdf)


def _inflated(pdf: bytes) -> bytes:
    found = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            found.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(found)


def _decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def test_the_badge_is_an_open_badge_credential(region):
    certificate = make_certificate(accreditation_points=2)
    data = documents.credential(certificate, region)
    assert data["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert data["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert data["issuer"]["type"] == ["Profile"] and data["issuer"]["name"] == region.movement_name
    assert data["validFrom"].endswith("Z")
    achievement = data["credentialSubject"]["achievement"]
    assert achievement["type"] == ["Achievement"] and achievement["name"] == certificate.course_title
    assert achievement["criteria"]["narrative"]
    assert data["credentialStatus"]["id"] == documents.verification_url(certificate)
    assert "validUntil" not in data and certificate.enrolment.user.email not in json.dumps(data)


def test_a_revoked_badge_says_so(region):
    certificate = make_certificate()
    certificate = certificate_revoke(certificate=certificate, actor=None, reason="Fout")
    data = documents.credential(certificate, region)
    assert data["credentialStatus"]["revoked"] is True and data["validUntil"]


def test_the_signed_badge_verifies_with_the_published_key(region):
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    certificate = make_certificate()
    token = documents.credential_jwt(certificate, region)
    header, payload, signature = token.split(".")
    assert json.loads(_decode(header))["typ"] == "vc+jwt"
    assert json.loads(_decode(payload))["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    key = Ed25519PublicKey.from_public_bytes(_decode(documents.public_jwk()["x"]))
    key.verify(_decode(signature), f"{header}.{payload}".encode())
    with pytest.raises(InvalidSignature):
        key.verify(_decode(signature), f"{header}.{payload}x".encode())


def test_a_configured_key_signs_instead_of_the_derived_one(settings, region):
    derived = documents.public_jwk()["x"]
    settings.LEARNING_BADGE_KEY = "11" * 32
    assert documents.public_jwk()["x"] != derived


def test_a_revoked_certificate_can_be_reissued_once_with_a_new_number(region):
    from veerkracht.learning.services.certificates import certificate_reissue

    coordinator = UserFactory(roles=(Role.TRAINING_COORDINATOR,))
    old = make_certificate()
    with pytest.raises(ValidationError, match="eerst in"):
        certificate_reissue(certificate=old, actor=coordinator)
    old = certificate_revoke(certificate=old, actor=coordinator, reason="Naam verkeerd gespeld")
    new = certificate_reissue(certificate=old, actor=coordinator)
    assert new.number != old.number and new.enrolment == old.enrolment and not new.is_revoked
    assert new.issued_at == old.issued_at
    with pytest.raises(ValidationError, match="al een nieuw"):
        certificate_reissue(certificate=old, actor=coordinator)
    assert certificate_issue(enrolment=old.enrolment) == new
    assert AuditLogEntry.objects.filter(code="learning.certificate.reissued").count() == 1
