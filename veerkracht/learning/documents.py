"""What a certificate looks like outside the site: the PDF (WeasyPrint, with a QR code to its public
verification page) and the Open Badges 3.0 credential (JSON, and the same signed as a "vc+jwt").

The signing key is Ed25519. It comes from the setting ``LEARNING_BADGE_KEY`` (32 bytes, hex) or, when
that is empty, is derived from ``SECRET_KEY``: stable as long as the secret key is, with nothing extra
to keep. Its public half is published as a JWK set at a fixed address, so a wallet can check a badge.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
from datetime import UTC

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
KEY_ID = "key-1"


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def verification_url(certificate) -> str:
    return absolute(reverse("learning:certificate_verify", args=[certificate.number]))


def qr_svg(data: str) -> str:
    """An inline <svg> QR code (WeasyPrint draws SVG, so the PDF needs no image file)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, border=2)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    return svg[svg.index("<svg") :]


def certificate_html(certificate, region) -> str:
    url = verification_url(certificate)
    context = {"certificate": certificate, "region": region, "url": url, "qr": qr_svg(url)}
    return render_to_string("learning/certificates/pdf.html", context)


def certificate_pdf(certificate, region) -> bytes:
    from veerkracht.lib.pdf import html_to_pdf

    return html_to_pdf(certificate_html(certificate, region))


# --- Open Badges 3.0 ---------------------------------------------------------------------------------


def _iso(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def issuer_profile(region) -> dict:
    return {
        "id": absolute(reverse("learning:certificate_issuer")),
        "type": ["Profile"],
        "name": getattr(region, "movement_name", "") or region.name,
        "url": settings.SITE_URL + "/",
    }


def credential(certificate, region) -> dict:
    """The certificate as an OpenBadgeCredential (VC Data Model 2.0, OB 3.0)."""
    course = certificate.enrolment.cohort.course
    url = verification_url(certificate)
    achievement = {
        "id": absolute(reverse("learning:certificate_issuer")) + f"#course-{course.pk}",
        "type": ["Achievement"],
        "name": certificate.course_title,
        "description": course.summary,
        "criteria": {"narrative": _criteria(course)},
    }
    status = {"id": url, "type": "VerificationPage", "statusPurpose": "revocation"}
    if certificate.is_revoked:
        status.update(revoked=True, revokedAt=_iso(certificate.revoked_at))
    data = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": issuer_profile(region),
        "validFrom": _iso(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": certificate.holder_name,
            "identifier": [_hashed_identity(certificate)],
            "achievement": achievement,
        },
        "credentialStatus": status,
        "refreshService": {"id": absolute(_badge_path(certificate)), "type": "1EdRefreshService"},
    }
    if certificate.is_revoked:
        data["validUntil"] = _iso(certificate.revoked_at)
    return data


def _badge_path(certificate) -> str:
    return reverse("learning:certificate_badge", args=[certificate.number])


def _criteria(course) -> str:
    parts = [f"Cursus '{course.title}' afgerond"]
    if course.requires_elearning:
        parts.append("de e-learning gehaald")
    if course.min_meetings:
        parts.append(f"minstens {course.min_meetings} bijeenkomsten bijgewoond")
    return ", ".join(parts) + "."


def _hashed_identity(certificate) -> dict:
    """The learner's e-mail address as a salted hash (OB 3.0 IdentityObject): a wallet can show it is
    theirs without the badge giving the address away."""
    salt = certificate.number
    digest = hashlib.sha256((certificate.enrolment.user.email.lower() + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


# --- signing ---------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _private_key():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    configured = settings.LEARNING_BADGE_KEY
    if configured:
        seed = bytes.fromhex(configured)
    else:
        seed = hmac.new(settings.SECRET_KEY.encode(), b"veerkracht.learning.badge-key", "sha256").digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_jwk() -> dict:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = _private_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64(raw), "kid": KEY_ID, "use": "sig", "alg": "EdDSA"}


def key_set_url() -> str:
    return absolute(reverse("learning:certificate_keys"))


def credential_jwt(certificate, region) -> str:
    """The credential as a compact JWS (VC-JOSE: typ "vc+jwt", EdDSA over Ed25519)."""
    payload = credential(certificate, region)
    header = {"alg": "EdDSA", "typ": "vc+jwt", "kid": f"{key_set_url()}#{KEY_ID}"}
    signing_input = ".".join(
        _b64(json.dumps(part, separators=(",", ":"), ensure_ascii=False).encode())
        for part in (header, payload)
    )
    signature = _private_key().sign(signing_input.encode())
    return f"{signing_input}.{_b64(signature)}"
