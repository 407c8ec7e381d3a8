from __future__ import annotations

import pytest
from django.urls import reverse

from veerkracht.core.personal_data import export_all, summary_all
from veerkracht.learning.models import Certificate, IntervisionMember, Reflection
from veerkracht.learning.personal_data import certificates as certificate_part
from veerkracht.learning.personal_data import intervision as intervision_part
from veerkracht.learning.services.intervision import reflection_save

from .factories.certificates import make_certificate
from .factories.intervision import make_group, past_meeting

pytestmark = pytest.mark.django_db


def test_certificates_are_exported_and_erased_and_then_unknown(client, region):
    certificate = make_certificate()
    user = certificate.enrolment.user
    exported = export_all(user)
    assert any(c["number"] == certificate.number for c in exported["learning_certificates"])
    assert any("niet kennen" in line for line in summary_all(user).deleted)
    certificate_part.PART.erase(user)
    assert not Certificate.objects.exists()
    response = client.get(reverse("learning:certificate_verify", args=[certificate.number]))
    assert response.status_code == 404


def test_reflections_belong_to_the_learner(region):
    group, users = make_group()
    event = past_meeting(group)
    reflection_save(group=group, event_id=event.pk, author=users[0], text="Mijn eigen gedachten.")
    reflection_save(group=group, event_id=event.pk, author=users[1], text="Van iemand anders.")
    data = intervision_part.PART.export(users[0])
    assert [r["text"] for r in data["learning_reflections"]] == ["Mijn eigen gedachten."]
    assert data["learning_intervision_groups"][0]["group"] == group.name
    assert any("reflectie" in line for line in summary_all(users[0]).deleted)
    intervision_part.PART.erase(users[0])
    assert list(Reflection.objects.values_list("text", flat=True)) == ["Van iemand anders."]
    assert not IntervisionMember.objects.filter(user=users[0]).exists()
