from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.agenda.models import Registration
from veerkracht.learning.models import IntervisionGroup, Reflection
from veerkracht.learning.services.intervision import reflection_save

from .factories.intervision import make_cohort, make_group, past_meeting

pytestmark = pytest.mark.django_db
SECRET = "Wat ik deelde blijft in de groep."


@pytest.fixture
def coordinator(region):
    return UserFactory(roles=(Role.TRAINING_COORDINATOR,))


@pytest.fixture
def setup(region, coordinator):
    group, users = make_group(coordinator=coordinator)
    event = past_meeting(group)
    reflection_save(group=group, event_id=event.pk, author=users[0], text=SECRET)
    return group, users, event


def test_members_and_the_facilitator_read_the_reflections(client_for, setup):
    group, users, _event = setup
    for user in (users[1], group.cohort.facilitator):
        response = client_for(user).get(reverse("learning:intervision_group", args=[group.pk]))
        assert response.status_code == 200 and SECRET in response.content.decode()


def test_nobody_else_reads_them_not_even_the_coordinator(client_for, setup, coordinator, outsider):
    group, _users, event = setup
    urls = [
        ("get", reverse("learning:intervision_group", args=[group.pk])),
        ("post", reverse("learning:intervision_reflection", args=[group.pk, event.pk])),
        ("get", reverse("learning:intervision_for_community", args=[group.community_group_id])),
    ]
    for user in (outsider, coordinator):
        client = client_for(user)
        for method, url in urls:
            response = getattr(client, method)(url, {"text": "x"} if method == "post" else None)
            assert response.status_code == 404, url
            assert SECRET not in response.content.decode()


def test_a_member_writes_and_changes_a_reflection(client_for, setup):
    group, users, event = setup
    client = client_for(users[2])
    url = reverse("learning:intervision_reflection", args=[group.pk, event.pk])
    assert client.post(url, {"text": "Eerste versie"}).status_code == 302
    assert client.post(url, {"text": "Tweede versie"}).status_code == 302
    assert Reflection.objects.get(author=users[2]).text == "Tweede versie"
    bad = client.post(url, {"text": ""})
    assert bad.status_code == 400 and "Schrijf je reflectie" in bad.content.decode()
    future = past_meeting(group, days_ago=-3)
    early = client.post(
        reverse("learning:intervision_reflection", args=[group.pk, future.pk]), {"text": "Te vroeg"}
    )
    assert early.status_code == 400 and "na de bijeenkomst" in early.content.decode()


def test_the_community_group_page_links_to_the_reflections(client_for, setup):
    group, users, _event = setup
    client = client_for(users[1])
    page = client.get(reverse("community:group", args=[group.community_group_id])).content.decode()
    link = reverse("learning:intervision_for_community", args=[group.community_group_id])
    assert link in page
    assert client.get(link)["Location"] == reverse("learning:intervision_group", args=[group.pk])


def test_attendance_for_the_facilitator_and_coordinator_only(client_for, setup, coordinator):
    group, users, event = setup
    Registration.objects.create(
        event=event,
        user=users[0],
        name="A",
        email=users[0].email,
        status="confirmed",
        consent_at=timezone.now(),
        checked_in_at=timezone.now(),
        checked_in_places=1,
    )
    url = reverse("learning:intervision_attendance", args=[group.pk])
    for user in (group.cohort.facilitator, coordinator):
        text = client_for(user).get(url).content.decode()
        assert "aanwezig" in text and "1 / 1" in text and SECRET not in text
    assert client_for(users[1]).get(url).status_code == 404


def test_the_coordinator_creates_a_group_and_plans_meetings(client_for, region, coordinator):
    cohort, users = make_cohort(learners=5)
    client = client_for(coordinator)
    assert client.get(reverse("learning:intervision_manage")).status_code == 200
    url = reverse("learning:intervision_create", args=[cohort.pk])
    few = client.post(url, {"name": "Groep", "members": [str(u.pk) for u in users[:3]]})
    assert few.status_code == 400 and "4 tot en met 8" in few.content.decode()
    wrong = client.post(url, {"name": "Groep", "members": ["999999"]})
    assert wrong.status_code == 400
    assert client.post(url, {"name": "Groep", "members": [str(u.pk) for u in users[:4]]}).status_code == 302
    group = IntervisionGroup.objects.get()
    plan = reverse("learning:intervision_manage_group", args=[group.pk])
    day = (timezone.localdate() + timedelta(days=9)).isoformat()
    form = {
        "first": day,
        "starts": "19:30",
        "ends": "21:30",
        "count": "3",
        "weeks_between": "4",
        "place": "Heerlen",
    }
    assert client.post(plan, {**form, "count": "99"}).status_code == 400
    assert client.post(plan, {**form, "ends": "18:00"}).status_code == 400
    assert client.post(plan, form).status_code == 302
    assert group.meetings.count() == 3


def test_others_cannot_manage(client_for, setup, outsider):
    group, users, _event = setup
    for user in (outsider, users[0], group.cohort.facilitator):
        client = client_for(user)
        assert client.get(reverse("learning:intervision_manage")).status_code == 404
        assert client.get(reverse("learning:intervision_manage_group", args=[group.pk])).status_code == 404
        assert client.get(reverse("learning:intervision_create", args=[group.cohort.pk])).status_code == 404


def test_bad_ids_are_404(client_for, coordinator, region):
    client = client_for(coordinator)
    assert client.get(reverse("learning:intervision_create", args=[999999])).status_code == 404
    assert client.get(reverse("learning:intervision_manage_group", args=[999999])).status_code == 404


def test_lists_have_a_constant_number_of_queries(client_for, region, coordinator, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_group(coordinator=coordinator)
    client = client_for(coordinator)
    url = reverse("learning:intervision_manage")
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    make_group(coordinator=coordinator)
    make_group(coordinator=coordinator)
    with django_assert_num_queries(len(captured)):
        client.get(url)


def test_my_groups_lists_mine(client_for, setup, outsider):
    group, users, _event = setup
    assert group.name in client_for(users[0]).get(reverse("learning:intervision_mine")).content.decode()
    assert group.name not in client_for(outsider).get(reverse("learning:intervision_mine")).content.decode()
