"""Health-related traces stay with the resident: the back office's audit log never lists them, not
even for a superuser, and every look at that log is itself logged."""

from __future__ import annotations

import pytest

from veerkracht.accounts.services import role_grant
from veerkracht.accounts.tests.factories import UserFactory, activate_totp
from veerkracht.core.models import AuditLogEntry
from veerkracht.spiderweb.services import sharing as sharing_services
from veerkracht.spiderweb.services import webs as web_services
from veerkracht.spiderweb.tests.factories import ShareFactory

pytestmark = pytest.mark.django_db

LOG = "/beheer/core/auditlogentry/"


@pytest.fixture
def traces(resident, professional, make_web, region_admin):
    # A name that cannot occur in a page by chance (a generated first name such as "Ad" can).
    resident.profile.display_name = "Zwaluwstaartje"
    resident.profile.save(update_fields=["display_name"])
    web = make_web(resident)
    share = ShareFactory(web=web, professional=professional)
    sharing_services.share_log_view(viewer=professional, web=web, share=share)
    sharing_services.note_add(share=share, web=web, author=professional, text="Tot volgende week.")
    web_services.research_consent_set(user=resident, given=True)
    role_grant(user=UserFactory(email="nieuw@example.org"), role="ambassador", actor=region_admin)
    assert AuditLogEntry.objects.filter(code__startswith="spiderweb.").count() >= 4


@pytest.fixture
def superuser(region):
    user = UserFactory(email="root@example.org")
    user.is_superuser = True
    user.save()
    activate_totp(user)
    return user


@pytest.mark.parametrize("who", ["region_admin", "superuser"])
def test_the_back_office_log_leaves_out_health_related_lines(who, request, traces, client_for, resident):
    viewer = request.getfixturevalue(who)
    client = client_for(viewer)
    page = client.get(LOG)
    html = page.content.decode()
    assert page.status_code == 200
    assert "accounts.role.granted" in html
    assert "spiderweb." not in html and resident.display_name not in html
    assert "spiderweb." not in client.get(LOG, {"q": "spiderweb"}).content.decode()
    private = AuditLogEntry.objects.filter(code="spiderweb.assessment.viewed").get()
    detail = client.get(f"{LOG}{private.pk}/change/")
    assert detail.status_code == 302  # "does not exist" for the back office
    assert AuditLogEntry.objects.filter(code="core.auditlog.viewed", actor=viewer).count() == 3


def test_the_resident_still_sees_who_looked(traces, client_for, resident, professional):
    html = client_for(resident).get("/mijn-spinnenweb/delen/").content.decode()
    assert professional.display_name in html
