from __future__ import annotations

import pytest
from django.urls import reverse

from veerkracht.core.models import AuditLogEntry

from .factories import EventFactory, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(region):
    event = EventFactory(title="Inspiratiesessie in Maastricht", capacity=30)
    register(event, "geheim.adres@example.org", name="Henk Geheim", places=2)
    return event


def test_region_admins_see_events_with_numbers_but_never_who_registered(client_for, region_admin, event):
    admin = client_for(region_admin)
    listing = admin.get(reverse("admin:agenda_event_changelist")).content.decode()
    assert "Inspiratiesessie in Maastricht" in listing and "2 / 30" in listing
    page = admin.get(reverse("admin:agenda_event_change", args=[event.pk])).content.decode()
    assert "Henk Geheim" not in page and "geheim.adres" not in page
    assert admin.get(reverse("admin:agenda_series_changelist")).status_code == 200
    # No admin at all for attendees, their answers or evaluations.
    for model in ("registration", "evaluation", "question"):
        assert admin.get(f"/beheer/agenda/{model}/").status_code == 404
    # Making, cancelling and deleting events is the organisers' work on the site.
    assert admin.get(reverse("admin:agenda_event_delete", args=[event.pk])).status_code == 403
    assert admin.get("/beheer/agenda/event/add/").status_code == 403


def test_a_region_admin_hands_an_event_over_to_another_organiser_and_it_is_logged(
    client_for, region_admin, event, staff
):
    url = reverse("admin:agenda_event_change", args=[event.pk])
    response = client_for(region_admin).post(
        url,
        {
            "organisers": [staff.pk],
            "organiser_name": "Welzijn Maastricht",
            "contact_email": "info@welzijn.example.org",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert list(event.organisers.all()) == [staff] and event.organiser_name == "Welzijn Maastricht"
    assert event.capacity == 30 and event.places_taken == 2  # the rest cannot be changed here
    assert AuditLogEntry.objects.filter(code="agenda.event.organisers_changed", actor=region_admin).exists()


def test_the_agenda_back_office_is_not_for_staff_or_residents(client_for, staff, resident, event):
    for user in (staff, resident):
        response = client_for(user).get(reverse("admin:agenda_event_changelist"), follow=True)
        assert response.status_code == 403
