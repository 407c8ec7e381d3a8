"""E-mail: every mail goes through the job queue, and the development backend.

A request calls ``mail_enqueue`` (or ``mail_enqueue_message`` for a ready EmailMessage): that writes
one ``OutgoingMail`` row per address in the request's own transaction and enqueues the send job after the
commit, so a request never waits for the mail server and a mail is never sent for something that was
rolled back. The job (``core/jobs.py``) calls ``mail_send``: it claims the row, sends, and empties the
content; a failure is retried with back-off, and after the last retry the mail stays, with its reason,
on the staff page of mails that could not be sent (``mail_resend``). ``mail_recover`` (scheduled) puts
back what a killed worker left half-done.
"""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import logging
import threading
import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import timedelta
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.utils import parseaddr
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.core.mail.message import SafeMIMEMultipart
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger("veerkracht.mail")
Status = OutgoingMail.Status


def message_id_for(key: str) -> str:
    """The Message-ID of the mail with this key: the same on every attempt, so a mail that was sent
    again after a worker died mid-send is one message to the receiving side."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "veerkracht.localhost"
    return f"<{digest}@{domain}>"


def _row_key(key: str | None, address: str) -> str:
    if not key:
        return f"mail:{uuid.uuid4().hex}"
    # The address as a hash: the key names the mail, it must not hold personal data itself.
    full = f"{key}:{hashlib.sha256(address.lower().encode()).hexdigest()[:16]}"
    return full if len(full) <= 200 else "sha256:" + hashlib.sha256(full.encode()).hexdigest()


_muted = threading.local()


@contextmanager
def mail_muted():
    """Nothing is queued while this runs: loading the demo data goes through the same services as the
    site (registrations, enrolments, intakes), but its made-up people must not get mail."""
    before = getattr(_muted, "on", False)
    _muted.on = True
    try:
        yield
    finally:
        _muted.on = before


def mail_enqueue(
    *,
    subject: str,
    body: str,
    to: Iterable[str],
    key: str | None = None,
    from_email: str | None = None,
    html_body: str = "",
    headers: dict[str, str] | None = None,
    attachments: list[dict[str, str]] | None = None,
    urgent: bool = False,
) -> list[OutgoingMail]:
    """One mail per address (nobody sees the others' addresses), sent by a job after the commit;
    `urgent` ones (a code someone waits for) go ahead of the rest of the queue, newsletters included.

    `key` names the mail ("actioncentre.request.submitted:12"): asking again for a mail with the same
    key and address adds nothing, so a job that is run twice does not send twice. `attachments` are
    files ({"filename", "content", "mimetype"}, e.g. a calendar entry); binary content is given in
    base64 with `"base64": True`, and an image with a `"content_id"` is shown inside the html body
    (`<img src="cid:...">`). Returns the new rows.
    """
    if getattr(_muted, "on", False):
        return []
    rows = []
    for address in dict.fromkeys(a.strip() for a in to if a and a.strip()):
        row_key = _row_key(key, address)
        fields = {
            "message_id": message_id_for(row_key),
            "to": address,
            "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
            "subject": " ".join(str(subject).split())[:998],
            "body": body,
            "html_body": html_body,
            "headers": headers or {},
            "attachments": attachments or [],
        }
        try:
            with transaction.atomic():
                row, created = OutgoingMail.objects.get_or_create(key=row_key, defaults=fields)
        except IntegrityError:  # the same key, added by someone else at the same moment
            created = False
        if created:
            rows.append(row)
    ids = [row.pk for row in rows]
    if ids:
        transaction.on_commit(lambda: _enqueue_jobs(ids, urgent=urgent), robust=True)
    return rows


def mail_enqueue_message(
    message: EmailMessage, *, key: str | None = None, urgent: bool = False
) -> list[OutgoingMail]:
    """The same for a ready EmailMessage (allauth's mails): its text, html part and headers."""
    html = next(
        (content for content, mime in getattr(message, "alternatives", ()) if mime == "text/html"), ""
    )
    headers = {k: v for k, v in (message.extra_headers or {}).items() if k.lower() != "message-id"}
    if message.reply_to:
        headers["Reply-To"] = ", ".join(message.reply_to)
    return mail_enqueue(
        subject=message.subject,
        body=message.body,
        to=[*message.to, *message.cc, *message.bcc],
        key=key,
        from_email=message.from_email,
        html_body=html,
        headers=headers,
        urgent=urgent,
    )


URGENT_PRIORITY = 20  # above every other job (mail 10, newsletter batches 0)


def _enqueue_jobs(ids: list[int], *, urgent: bool = False) -> None:
    from .jobs import send_mail_job

    for pk in ids:
        if urgent:
            send_mail_job(pk, priority=URGENT_PRIORITY)
        else:
            send_mail_job(pk)


class _MessageWithInline(EmailMultiAlternatives):
    """Text and html alternatives, where the html part travels with the images it shows:
    mixed[alternative[text, related[html, images]], attachments] (RFC 2387)."""

    def __init__(self, *args, inline: list[MIMEBase] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.inline = inline or []

    def _create_alternatives(self, msg):
        msg = super()._create_alternatives(msg)
        if not (self.inline and self.alternatives):
            return msg
        parts = msg.get_payload()
        related = SafeMIMEMultipart(_subtype="related", encoding=self.encoding or settings.DEFAULT_CHARSET)
        related.attach(parts[-1])
        for part in self.inline:
            related.attach(part)
        msg.set_payload([*parts[:-1], related])
        return msg


def _inline_part(item: dict, content: bytes) -> MIMEBase:
    _maintype, _sep, subtype = (item.get("mimetype") or "image/png").partition("/")
    part = MIMEImage(content, _subtype=subtype or "png")
    part.add_header("Content-ID", f"<{item['content_id']}>")
    part.add_header("Content-Disposition", "inline", filename=item["filename"])
    return part


def _as_message(mail: OutgoingMail) -> EmailMessage:
    headers = {**mail.headers, "Message-ID": mail.message_id}
    message = _MessageWithInline(mail.subject, mail.body, mail.from_email, [mail.to], headers=headers)
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    for item in mail.attachments or []:
        content = base64.b64decode(item["content"]) if item.get("base64") else item["content"]
        if item.get("content_id") and mail.html_body:
            message.inline.append(_inline_part(item, content))
        else:
            message.attach(item["filename"], content, item.get("mimetype") or "application/octet-stream")
    return message


def mail_send(*, mail_id: int, final: bool) -> str:
    """Send one waiting mail. Returns "sent", "failed" (after the last attempt) or "skipped" (already
    sent, being sent by another worker, or gone); raises on a failure that will be retried."""
    claimed = OutgoingMail.objects.filter(pk=mail_id, status=Status.QUEUED).update(
        status=Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return "skipped"
    mail = OutgoingMail.objects.get(pk=mail_id)
    final = final or mail.attempts > settings.MAIL_RETRIES
    try:
        _as_message(mail).send()
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"[:2000]
        OutgoingMail.objects.filter(pk=mail_id).update(
            status=Status.FAILED if final else Status.QUEUED, last_error=reason
        )
        if final:
            logger.error("mail %s could not be sent after %s attempts: %s", mail_id, mail.attempts, reason)
            return "failed"
        logger.warning("mail %s attempt %s failed, will retry: %s", mail_id, mail.attempts, reason)
        raise
    # The content may hold a code or a private link: once sent, keep only that it was sent.
    OutgoingMail.objects.filter(pk=mail_id).update(
        status=Status.SENT,
        sent_at=timezone.now(),
        subject="",
        body="",
        html_body="",
        headers={},
        attachments=[],
        last_error="",
    )
    return "sent"


@transaction.atomic
def mail_resend(*, mail: OutgoingMail, actor) -> OutgoingMail:
    """Staff send a mail that could not be sent once more (through the queue, with new retries)."""
    from .audit import log_action

    updated = OutgoingMail.objects.filter(pk=mail.pk, status=Status.FAILED).update(
        status=Status.QUEUED, attempts=0, last_error=""
    )
    if updated:
        log_action("core.mail.resent", actor=actor, subject=mail)
        transaction.on_commit(lambda: _enqueue_jobs([mail.pk]), robust=True)
    mail.refresh_from_db()
    return mail


def _backoff_window() -> timedelta:
    """How long the retries of one mail can take (the delays double), plus the stale margin."""
    delay = settings.MAIL_RETRY_DELAY * (2 ** (settings.MAIL_RETRIES + 1) - 1)
    return timedelta(seconds=delay + settings.MAIL_STALE_SECONDS)


def _queue_busy() -> bool:
    from huey.contrib.djhuey import HUEY

    return HUEY.pending_count() > 0


def mail_recover(*, now=None) -> int:
    """Put back what a killed worker or a lost enqueue left behind: a mail "being sent" for longer than
    MAIL_STALE_SECONDS, a mail that never got a job (only while the queue is empty: a long queue is
    being worked through), or one whose retry was lost. Returns how many mails were enqueued again."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.MAIL_STALE_SECONDS)
    dead = OutgoingMail.objects.filter(status=Status.SENDING, claimed_at__lt=stale)
    dead_ids = set(dead.values_list("pk", flat=True))
    OutgoingMail.objects.filter(pk__in=dead_ids, status=Status.SENDING).update(status=Status.QUEUED)
    never_tried = OutgoingMail.objects.filter(status=Status.QUEUED, attempts=0, created_at__lt=stale)
    if _queue_busy():  # the workers are still working through it (a big batch): nothing was lost yet
        never_tried = never_tried.none()
    retries_lost = OutgoingMail.objects.filter(
        status=Status.QUEUED, attempts__gt=0, claimed_at__lt=now - _backoff_window()
    )
    ids = sorted(
        dead_ids
        | set(never_tried.values_list("pk", flat=True))
        | set(retries_lost.values_list("pk", flat=True))
    )
    if ids:
        logger.warning("putting %s mails back on the queue", len(ids))
        _enqueue_jobs(ids)
    return len(ids)


class DevMailBackend(ConsoleBackend):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        settings.DEV_MAIL_DIR.mkdir(parents=True, exist_ok=True)
        self._files = FileBackend(file_path=str(settings.DEV_MAIL_DIR))

    def send_messages(self, email_messages) -> int:
        self._files.send_messages(email_messages)
        return super().send_messages(email_messages)


def sent_messages(directory: Path, limit: int = 30) -> list[dict]:
    """The newest mails the development backend wrote to `directory` (to, subject, date, body)."""
    if not directory.exists():
        return []
    files = sorted(directory.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
    result = []
    for path in files:
        # The file backend writes one file per connection, messages separated by a line of dashes.
        for chunk in reversed(path.read_text(encoding="utf-8", errors="replace").split("-" * 79)):
            chunk = chunk.strip()
            if not chunk:
                continue
            msg = email.message_from_string(chunk, policy=email.policy.default)
            body = msg.get_body(preferencelist=("plain",))
            result.append(
                {
                    "to": msg.get("To", ""),
                    "subject": msg.get("Subject", ""),
                    "date": msg.get("Date", ""),
                    "body": body.get_content() if body else "",
                }
            )
            if len(result) >= limit:
                return result
    return result
