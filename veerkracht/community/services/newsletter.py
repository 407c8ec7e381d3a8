"""Writes of the newsletter: subscribing (double opt-in), confirming, changing and ending a
subscription; the editor's draft (items from the digest sections, reorder, remove, introduction), the
test mail, sending, and the batches the queue works through (jobs.py).

Sending is idempotent per (issue, subscriber): ``issue_send`` makes one Delivery row per subscriber;
``deliveries_send_batch`` turns pending rows into mails in one transaction with the mail key
``community.newsletter:<issue>:<subscriber>``, so a retried or killed batch never sends a mail twice,
and the next batch (or the scheduled ``newsletter_resume``) goes on where it stopped.
"""

from __future__ import annotations

import secrets
from collections import Counter
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action
from veerkracht.core.mail import mail_enqueue

from ..digest import SECTIONS
from ..models import Delivery, DeliveryStatus, Issue, IssueItem, IssueStatus, Subscriber
from ..presenters.newsletter import absolute, manage_url, render_mail
from ..selectors.newsletter import load_sections
from ..tokens import CONFIRM, subscriber_token
from .moderation import is_moderator

BATCH_SIZE = 200
# A draft takes at most this many items per section for each part of the region (the whole region and
# every subregion), newest or soonest first: a subscriber who follows one subregion reads at most twice
# this many per section, and a busy month (hundreds of stories) still makes a mail people read.
ITEMS_PER_AREA = 5
UNCONFIRMED_KEEP = timedelta(days=7)


def _nonce() -> str:
    return secrets.token_hex(16)


# --- Subscribers ------------------------------------------------------------------------------------


def _confirm_mail(subscriber: Subscriber, *, known: bool) -> None:
    """The confirmation link, or for an address that is already subscribed the link to its settings:
    the page the visitor sees is the same in both cases, only the owner of the address reads which."""
    from django.urls import reverse

    context = {
        "confirm_url": absolute(
            reverse("community:newsletter_confirm", args=[subscriber_token(subscriber, CONFIRM)])
        ),
        "manage_url": manage_url(subscriber),
        "known": known,
        "keep_days": UNCONFIRMED_KEEP.days,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("community/newsletter/email/confirm_subject.txt", context).strip()
        body = render_to_string("community/newsletter/email/confirm.txt", context)
    # Asked for on purpose each time (the rate limit is in the view): a key per moment.
    stamp = f"{subscriber.confirm_sent_at:%Y%m%d%H%M%S%f}"
    mail_enqueue(
        subject=subject,
        body=body,
        to=[subscriber.email],
        key=f"community.newsletter.confirm:{subscriber.pk}:{stamp}",
    )


@transaction.atomic
def subscriber_subscribe(*, region, email: str, subregions, themes: int) -> Subscriber:
    """Subscribe an address (confirmed only through the link in the mail). For an address we know, a
    pending subscription takes the new choices and gets the link again; a confirmed one is left as it
    is and gets the link to its settings. What the visitor sees does not tell which happened."""
    email = (email or "").strip().lower()
    subscriber = Subscriber.objects.select_for_update().filter(region=region, email=email).first()
    known = subscriber is not None and subscriber.confirmed_at is not None
    if subscriber is None:
        subscriber = Subscriber(region=region, email=email, nonce=_nonce())
    if not known:
        subscriber.themes = themes
    subscriber.confirm_sent_at = timezone.now()
    subscriber.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            subscriber.save()
    except IntegrityError:  # the same address sent twice at the same moment: the other one won
        subscriber = Subscriber.objects.get(region=region, email=email)
        known = subscriber.confirmed_at is not None
    if not known:
        subscriber.subregions.set(subregions)
    _confirm_mail(subscriber, known=known)
    return subscriber


@transaction.atomic
def subscriber_confirm(*, subscriber: Subscriber) -> Subscriber:
    if subscriber.confirmed_at is None and subscriber.ended_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return subscriber


@transaction.atomic
def subscriber_update(*, subscriber: Subscriber, subregions, themes: int) -> Subscriber:
    subscriber.themes = themes
    subscriber.full_clean()
    subscriber.save(update_fields=["themes"])
    subscriber.subregions.set(subregions)
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber) -> Subscriber:
    """End the subscription at once: the address goes, every private link ends (new nonce). The row
    stays without anything personal, for the count of subscribers at the end of past periods."""
    if subscriber.ended_at is None:
        subscriber.ended_at = timezone.now()
    subscriber.email = ""
    subscriber.nonce = _nonce()
    subscriber.save(update_fields=["ended_at", "email", "nonce"])
    Delivery.objects.filter(subscriber=subscriber, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SKIPPED
    )
    return subscriber


def subscribers_remove_unconfirmed(*, now: datetime) -> int:
    """Subscriptions nobody confirmed within UNCONFIRMED_KEEP (the retention rule)."""
    old = Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_KEEP)
    return old.delete()[1].get(Subscriber._meta.label, 0)


def subscribers_erase(*, emails) -> int:
    """An account that goes: its subscriptions end (personal_data.py)."""
    count = 0
    for subscriber in Subscriber.objects.filter(email__in=[e.lower() for e in emails]):
        subscriber_unsubscribe(subscriber=subscriber)
        count += 1
    return count


# --- The editor's draft -----------------------------------------------------------------------------


def _month_start(day: date) -> date:
    return day.replace(day=1)


def window_of(month: date, now: datetime) -> tuple[datetime, datetime]:
    """What an issue collects: new since the first of the month before, until now (or the month's end)."""
    tz = timezone.get_current_timezone()
    previous = _month_start(month - timedelta(days=1))
    since = datetime(previous.year, previous.month, 1, tzinfo=tz)
    following = _month_start(month + timedelta(days=32))
    return since, min(now, datetime(following.year, following.month, 1, tzinfo=tz))


def _check_editor(actor) -> None:
    if not is_moderator(actor):
        raise PermissionDenied


def _check_draft(issue: Issue) -> None:
    if issue.status != IssueStatus.DRAFT:
        raise ValidationError(_("Deze nieuwsbrief is al verstuurd. Je kunt hem niet meer veranderen."))


def _as_datetime(when) -> datetime | None:
    if when is None or isinstance(when, datetime):
        return when
    return datetime(when.year, when.month, when.day, tzinfo=timezone.get_current_timezone())


@transaction.atomic
def issue_create(*, region, month: date, actor, now: datetime | None = None) -> Issue:
    """A draft for a month, with every digest section's items in the sections' order (per section at
    most ITEMS_PER_AREA for the whole region and for each subregion)."""
    _check_editor(actor)
    month = _month_start(month)
    if Issue.objects.filter(region=region, month=month).exists():
        raise ValidationError(_("Voor deze maand is er al een nieuwsbrief."))
    issue = Issue(region=region, month=month, created_by=actor)
    issue.full_clean()
    issue.save()
    since, until = window_of(month, now or timezone.now())
    load_sections()
    rows = []
    for section in SECTIONS:
        for item in _capped(section.find(region, since, until)):
            rows.append(
                IssueItem(
                    issue=issue,
                    section=section.key,
                    position=len(rows),
                    title=str(item.title)[:300],
                    url=item.url[:500],
                    text=str(item.text)[:2000],
                    when=_as_datetime(item.when),
                    subregion=item.subregion,
                    themes=item.themes,
                )
            )
    IssueItem.objects.bulk_create(rows)
    log_action("community.newsletter.created", actor=actor, subject=issue)
    return issue


def _capped(items: list) -> list:
    taken: Counter = Counter()
    kept = []
    for item in items:
        if taken[item.subregion] < ITEMS_PER_AREA:
            taken[item.subregion] += 1
            kept.append(item)
    return kept


@transaction.atomic
def issue_update(*, issue: Issue, introduction: str, actor) -> Issue:
    _check_editor(actor)
    _check_draft(issue)
    issue.introduction = introduction.strip()
    issue.full_clean()
    issue.save(update_fields=["introduction"])
    return issue


@transaction.atomic
def issue_item_remove(*, item: IssueItem, actor) -> None:
    _check_editor(actor)
    _check_draft(item.issue)
    item.delete()


@transaction.atomic
def issue_item_move(*, item: IssueItem, up: bool, actor) -> None:
    """One place up or down: the positions are renumbered 0..n first, so ties never block a move."""
    _check_editor(actor)
    _check_draft(item.issue)
    items = list(IssueItem.objects.select_for_update().filter(issue=item.issue_id).order_by("position", "pk"))
    index = next(i for i, row in enumerate(items) if row.pk == item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, row in enumerate(items):
        row.position = position
    IssueItem.objects.bulk_update(items, ["position"])


def issue_send_test(*, issue: Issue, actor) -> None:
    """The mail with all items, to the editor's own address (no subscriber: no unsubscribe headers)."""
    _check_editor(actor)
    mail = render_mail(issue, list(issue.items.all()), region=issue.region)
    mail_enqueue(
        subject=_("[Test] %(subject)s") % {"subject": mail.subject},
        body=mail.text,
        html_body=mail.html,
        to=[actor.email],
        key=f"community.newsletter.test:{issue.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
    )


def _proposed_urls(issue: Issue) -> set[str]:
    load_sections()
    since, until = window_of(issue.month, timezone.now())
    return {item.url for section in SECTIONS for item in section.find(issue.region, since, until)}


def issue_items_withdraw(*, url: str) -> int:
    """Take something off every issue, sent ones in the archive too (call it when content is hidden)."""
    return IssueItem.objects.filter(url=url).delete()[0]


@transaction.atomic
def issue_send(*, issue: Issue, actor) -> Issue:
    """Send to every confirmed subscriber: one Delivery row each (in bulk), then the queue's batches.

    First the items are checked once more against the sections: what was hidden, ended or filled since
    the draft was made (a hidden story, a session that began, an initiative that found its help) goes."""
    _check_editor(actor)
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    _check_draft(issue)
    issue.items.exclude(url__in=_proposed_urls(issue)).delete()
    if not issue.items.exists():
        raise ValidationError(_("Deze nieuwsbrief is leeg. Laat minstens één bericht staan."))
    ids = Subscriber.objects.filter(
        region=issue.region, confirmed_at__isnull=False, ended_at__isnull=True
    ).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (Delivery(issue=issue, subscriber_id=pk) for pk in ids.iterator(chunk_size=5000)),
        batch_size=2000,
        ignore_conflicts=True,
    )
    issue.status = IssueStatus.SENDING
    issue.sent_at = timezone.now()
    issue.save(update_fields=["status", "sent_at"])
    log_action("community.newsletter.sent", actor=actor, subject=issue)
    transaction.on_commit(lambda: _enqueue_batch(issue.pk), robust=True)
    return issue


def _enqueue_batch(issue_id: int) -> None:
    from ..jobs.newsletter import newsletter_batch

    newsletter_batch(issue_id)


def _deliver(issue: Issue, items: list, delivery: Delivery) -> bool:
    subscriber = delivery.subscriber
    if not subscriber.is_active or not subscriber.email:
        return False
    mail = render_mail(issue, items, subscriber, region=issue.region)
    mail_enqueue(
        subject=mail.subject,
        body=mail.text,
        html_body=mail.html,
        headers=mail.headers,
        to=[subscriber.email],
        key=f"community.newsletter:{issue.pk}:{subscriber.pk}",
    )
    return True


@transaction.atomic
def deliveries_send_batch(*, issue_id: int, size: int = BATCH_SIZE) -> int:
    """Turn up to `size` pending deliveries of an issue into mails; returns how many are still pending.

    One transaction: the mails and the deliveries' new status are saved together, and the mail key
    (issue, subscriber) makes a batch that runs twice queue each mail once."""
    issue = Issue.objects.select_related("region").filter(pk=issue_id, status=IssueStatus.SENDING).first()
    if issue is None:
        return 0
    items = list(issue.items.all())
    batch = list(
        Delivery.objects.filter(issue=issue, status=DeliveryStatus.PENDING)
        # Two batches at once (the resume job and the chain) take different rows on PostgreSQL; the
        # mail key covers SQLite, which runs one writer at a time anyway.
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("subscriber")
        .prefetch_related("subscriber__subregions")
        .order_by("pk")[:size]
    )
    queued, skipped = [], []
    for delivery in batch:
        (queued if _deliver(issue, items, delivery) else skipped).append(delivery.pk)
    Delivery.objects.filter(pk__in=queued).update(status=DeliveryStatus.QUEUED)
    Delivery.objects.filter(pk__in=skipped).update(status=DeliveryStatus.SKIPPED)
    pending = Delivery.objects.filter(issue=issue, status=DeliveryStatus.PENDING).count()
    if not pending:
        issue.status = IssueStatus.SENT
        issue.recipients = Delivery.objects.filter(issue=issue, status=DeliveryStatus.QUEUED).count()
        issue.save(update_fields=["status", "recipients"])
    return pending


def issues_resume() -> int:
    """Put back on the queue every issue still being sent (a killed worker, a lost job)."""
    ids = list(Issue.objects.filter(status=IssueStatus.SENDING).values_list("pk", flat=True))
    for pk in ids:
        _enqueue_batch(pk)
    return len(ids)


def token_for(subscriber: Subscriber, purpose: str) -> str:
    return subscriber_token(subscriber, purpose)


def theme_keys(subscriber: Subscriber) -> list[str]:
    from veerkracht.core.vocabulary import THEMES

    return THEMES.keys_of(subscriber.themes)
