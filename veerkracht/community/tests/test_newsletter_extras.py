"""The newsletter's demo, monitor figure, retention rule, personal data and scheduled job."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from veerkracht.community import demo
from veerkracht.community.models import Issue, IssueStatus, Subscriber
from veerkracht.community.personal_data import NEWSLETTER
from veerkracht.community.services.newsletter import issues_resume, subscriber_unsubscribe
from veerkracht.community.tests.factories import IssueFactory, SubscriberFactory
from veerkracht.core.indicators import Window, get_indicator
from veerkracht.core.retention import rules
from veerkracht.core.schedule import get

pytestmark = pytest.mark.django_db


def test_the_demo_has_three_sent_issues_and_is_idempotent(region):
    assert demo.newsletter.load(region)
    assert demo.newsletter.load(region) == []
    assert Issue.objects.filter(status=IssueStatus.SENT).count() == 3
    assert (
        Subscriber.objects.filter(confirmed_at__isnull=False).count()
        == demo.newsletter.NEWSLETTER_SUBSCRIBERS
    )
    assert not Subscriber.objects.exclude(email__endswith="@example.org").exists()


def test_subscribers_per_subregion_at_the_end_of_the_window(region):
    noord, zuid = region.subregions.get(slug="noord-limburg"), region.subregions.get(slug="zuid-limburg")
    now = timezone.now()
    SubscriberFactory(subregions=[noord], confirmed_at=now - timedelta(days=10))
    SubscriberFactory(subregions=[noord, zuid], confirmed_at=now - timedelta(days=10))
    SubscriberFactory(confirmed_at=now - timedelta(days=10))
    SubscriberFactory(confirmed_at=None)
    later = SubscriberFactory(confirmed_at=now - timedelta(days=1))
    gone = SubscriberFactory(subregions=[zuid], confirmed_at=now - timedelta(days=10))
    subscriber_unsubscribe(subscriber=gone)
    indicator = get_indicator("community_newsletter_subscribers")
    window = Window(region, now - timedelta(days=30), now - timedelta(days=5), now - timedelta(days=5))
    rows = sorted(area["newsletter_area"] for _code, area in indicator.rows(window))
    assert rows == ["hele-regio", "meerdere", "noord-limburg", "zuid-limburg"]  # gone counted then
    later_now = timezone.now()
    rows_now = list(indicator.rows(Window(region, now - timedelta(days=30), later_now, later_now)))
    assert len(rows_now) == 4  # `later` in, `gone` out
    assert later.pk


def test_the_retention_rule_is_registered(region):
    assert "community.newsletter_unconfirmed" in {rule.key for rule in rules()}


def test_personal_data_export_and_erase_by_the_accounts_address(region, resident):
    SubscriberFactory(email=resident.email.upper().lower())
    exported = NEWSLETTER.export(resident)["community_newsletter"]
    assert exported[0]["email"] == resident.email
    assert NEWSLETTER.summary(resident)
    NEWSLETTER.erase(resident)
    assert not Subscriber.objects.filter(email=resident.email).exists()
    assert NEWSLETTER.export(resident)["community_newsletter"] == []


def test_the_resume_job_requeues_issues_being_sent(region, monkeypatch):
    queued = []
    monkeypatch.setattr("veerkracht.community.services.newsletter._enqueue_batch", queued.append)
    sending = IssueFactory(status=IssueStatus.SENDING)
    IssueFactory(status=IssueStatus.SENT)
    assert get("community.newsletter_resume").run() == 1
    assert issues_resume() == 1 and queued == [sending.pk, sending.pk]
