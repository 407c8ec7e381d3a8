"""The moderation queue for staff: waiting stories, open reports over every kind of community content,
hiding with a reason (audit log), restoring and dismissing; nobody else gets in."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from veerkracht.community.models import ContentReport, ReportStatus, Story, StoryResponse, StoryStatus
from veerkracht.community.selectors.moderation import moderated_models
from veerkracht.community.services import moderation as moderation_services
from veerkracht.community.tests.factories import StoryFactory, StoryResponseFactory
from veerkracht.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def _type(obj) -> int:
    return ContentType.objects.get_for_model(obj).pk


def test_the_queue_is_for_moderators_only(client, client_for, region, resident, ambassador, partner_admin):
    url = reverse("community:moderation")
    assert client.get(url).status_code == 302
    for user in (resident, ambassador, partner_admin):
        assert client_for(user).get(url).status_code == 404


def test_every_concrete_moderated_model_is_found():
    assert {Story, StoryResponse} <= set(moderated_models())


def test_the_queue_shows_waiting_stories_and_reports_with_a_snippet_and_link(
    client_for, region, staff, resident
):
    StoryFactory(title="Wacht op jou", status=StoryStatus.WAITING, published_at=None)
    response = StoryResponseFactory(text="Koop nu goedkope horloges")
    moderation_services.content_report(obj=response, reason="Reclame", reporter=resident)
    html = client_for(staff).get(reverse("community:moderation")).content.decode()
    assert "Wacht op jou" in html and "Koop nu goedkope horloges" in html and "Reclame" in html
    assert f"#reactie-{response.pk}" in html


def _decided_report(reporter, staff):
    report = moderation_services.content_report(obj=StoryResponseFactory(), reason="Nee", reporter=reporter)
    moderation_services.report_dismiss(report=report, actor=staff)
    return report


def test_decided_reports_stay_listed_with_the_decision_and_who_took_it(client_for, region, staff, resident):
    response = StoryResponseFactory(text="Een gewone reactie")
    report = moderation_services.content_report(obj=response, reason="Klopt niet", reporter=resident)
    moderation_services.report_dismiss(report=report, actor=staff)
    gone = _decided_report(resident, staff)
    StoryResponse.objects.filter(pk=gone.object_id).delete()
    html = client_for(staff).get(reverse("community:moderation")).content.decode()
    assert "Afgehandelde meldingen" in html and "Klopt niet" in html and "Een gewone reactie" in html
    assert "niets mis mee" in html and "bestaat niet meer" in html


def test_the_queue_takes_the_same_number_of_queries_for_more_items(
    client_for, region, staff, resident, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(staff)
    url = reverse("community:moderation")
    StoryFactory(status=StoryStatus.WAITING, published_at=None)
    moderation_services.content_report(obj=StoryFactory(), reason="Nee", reporter=resident)
    moderation_services.content_report(obj=StoryResponseFactory(), reason="Nee", reporter=resident)
    moderation_services.content_hide(obj=StoryResponseFactory(), actor=staff, reason="Weg")
    _decided_report(resident, staff)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    for _ in range(4):
        StoryFactory(status=StoryStatus.WAITING, published_at=None)
        moderation_services.content_report(obj=StoryFactory(), reason="Nee", reporter=resident)
        moderation_services.content_report(obj=StoryResponseFactory(), reason="Nee", reporter=resident)
        moderation_services.content_hide(obj=StoryResponseFactory(), actor=staff, reason="Weg")
        _decided_report(resident, staff)
    with django_assert_num_queries(len(ctx.captured_queries)):
        assert client.get(url).status_code == 200


def test_staff_approve_and_decline(client_for, region, staff):
    yes = StoryFactory(status=StoryStatus.WAITING, published_at=None)
    no = StoryFactory(status=StoryStatus.WAITING, published_at=None)
    client = client_for(staff)
    decide = "community:story_decide"
    assert client.post(reverse(decide, args=[yes.pk]), {"decision": "approve"}).status_code == 302
    client.post(reverse(decide, args=[no.pk]), {"decision": "decline", "reason": ""})
    no.refresh_from_db()
    assert no.status == StoryStatus.WAITING  # a reason is needed
    client.post(reverse(decide, args=[no.pk]), {"decision": "nothing"})
    no.refresh_from_db()
    assert no.status == StoryStatus.WAITING  # no decision, nothing changes
    client.post(reverse(decide, args=[no.pk]), {"decision": "decline", "reason": "Te kort"})
    yes.refresh_from_db()
    no.refresh_from_db()
    assert yes.status == StoryStatus.PUBLISHED and no.status == StoryStatus.DECLINED


def test_others_cannot_approve_and_a_decided_story_is_not_found(client_for, region, staff, resident):
    story = StoryFactory(status=StoryStatus.WAITING, published_at=None)
    assert (
        client_for(resident)
        .post(reverse("community:story_decide", args=[story.pk]), {"decision": "approve"})
        .status_code
        == 404
    )
    assert client_for(staff).get(reverse("community:story_decide", args=[story.pk])).status_code == 405
    published = StoryFactory()
    assert (
        client_for(staff)
        .post(reverse("community:story_decide", args=[published.pk]), {"decision": "approve"})
        .status_code
        == 404
    )


def test_staff_hide_a_response_with_a_reason_and_restore_it(client, client_for, region, staff):
    response = StoryResponseFactory(text="Iets lelijks")
    story_url = response.story.get_absolute_url()
    client_staff = client_for(staff)
    assert "Verberg het meteen" in client_staff.get(story_url).content.decode()
    url = reverse("community:content_hide", args=[_type(response), response.pk])
    client_staff.post(url, {"reason": ""})
    response.refresh_from_db()
    assert not response.is_hidden
    back = client_staff.post(url, {"reason": "Kwetsend", "next": story_url})
    assert back["Location"] == story_url
    response.refresh_from_db()
    assert response.is_hidden and response.hidden_reason == "Kwetsend"
    public = client.get(story_url).content.decode()
    assert "Iets lelijks" not in public and "Kwetsend" not in public and "verborgen" not in public
    own = client_for(response.author).get(story_url).content.decode()
    assert "Iets lelijks" not in own and "Kwetsend" in own
    assert AuditLogEntry.objects.filter(code="community.storyresponse.hidden").exists()
    client_staff.post(reverse("community:content_restore", args=[_type(response), response.pk]))
    response.refresh_from_db()
    assert not response.is_hidden


def test_an_outside_next_address_is_not_followed(client_for, region, staff):
    story = StoryFactory()
    url = reverse("community:content_hide", args=[_type(story), story.pk])
    back = client_for(staff).post(url, {"reason": "Weg", "next": "https://evil.example/"})
    assert back["Location"] == reverse("community:moderation")


def test_only_moderators_hide_and_only_community_content(client_for, region, staff, resident):
    story = StoryFactory()
    url = reverse("community:content_hide", args=[_type(story), story.pk])
    assert client_for(resident).post(url, {"reason": "Weg"}).status_code == 404
    user_url = reverse("community:content_hide", args=[_type(resident), resident.pk])
    assert client_for(staff).post(user_url, {"reason": "Weg"}).status_code == 404
    assert (
        client_for(staff)
        .post(reverse("community:content_hide", args=[_type(story), 999999]), {"reason": "x"})
        .status_code
        == 404
    )


def test_staff_dismiss_a_report(client_for, region, staff, resident):
    report = moderation_services.content_report(obj=StoryFactory(), reason="Nee", reporter=resident)
    assert client_for(resident).post(reverse("community:report_dismiss", args=[report.pk])).status_code == 404
    client_for(staff).post(reverse("community:report_dismiss", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.DISMISSED
    assert client_for(staff).post(reverse("community:report_dismiss", args=[report.pk])).status_code == 404
    assert ContentReport.objects.count() == 1


def test_hiding_a_story_takes_it_out_of_sent_newsletters_too(region, staff):
    from veerkracht.community.models import IssueItem, IssueStatus
    from veerkracht.community.tests.factories import IssueFactory, IssueItemFactory

    story = StoryFactory()
    issue = IssueFactory(status=IssueStatus.SENT)
    IssueItemFactory(issue=issue, section="story", url=story.get_absolute_url(), title=story.title)
    kept = IssueItemFactory(issue=issue)
    moderation_services.content_hide(obj=story, actor=staff, reason="Hier staat een telefoonnummer in.")
    assert list(IssueItem.objects.filter(issue=issue)) == [kept]
