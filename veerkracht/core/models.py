from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .vocabulary import DIMENSIONS, THEMES


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        abstract = True


class TaggedModel(models.Model):
    """Themes and the six dimensions as bit sets (core.vocabulary), with readable lists for templates."""

    themes = models.PositiveBigIntegerField(_("thema's"), default=0)
    dimensions = models.PositiveIntegerField(_("kanten van gezondheid"), default=0)

    class Meta:
        abstract = True

    @property
    def theme_labels(self) -> list[str]:
        return THEMES.labels_of(self.themes)

    @property
    def dimension_labels(self) -> list[str]:
        return DIMENSIONS.labels_of(self.dimensions)


class AuditLogEntry(models.Model):
    """One thing that happened: who did what to which object.

    `code` is a dotted name ("accounts.role.granted"); `subject_type`/`subject_id` name the object
    without a foreign key, so entries survive the deletion of what they describe. `person` is the
    person the entry is about (e.g. whose data was read), so they can be shown their own log.
    """

    code = models.CharField(_("code"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_actions",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("over persoon"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="audit_about",
    )
    subject_type = models.CharField(_("soort object"), max_length=100, blank=True)
    subject_id = models.CharField(_("object-id"), max_length=64, blank=True)
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("logregel")
        verbose_name_plural = _("audit- en inzagelog")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["person", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.code}"


class OutgoingMail(models.Model):
    """One e-mail to one address, from the moment a request asks for it until it is sent.

    Requests only write this row (in their own transaction) and enqueue a job after the commit; the job
    sends it with retries (core/jobs.py). `key` makes asking twice harmless, and `message_id` stays the
    same on every attempt, so a mail sent again after a worker died mid-send is one message to the
    receiving side. After sending, the content is emptied (it may hold a code or a private link); a
    mail that still fails after every retry keeps its content for staff to send again.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")
        FAILED = "failed", _("niet verstuurd")

    key = models.CharField(_("sleutel"), max_length=200, unique=True)
    message_id = models.CharField(_("berichtnummer"), max_length=255)
    to = models.EmailField(_("aan"), db_index=True)
    from_email = models.CharField(_("van"), max_length=254, blank=True)
    subject = models.CharField(_("onderwerp"), max_length=998, blank=True)
    body = models.TextField(_("tekst"), blank=True)
    html_body = models.TextField(_("tekst (html)"), blank=True)
    headers = models.JSONField(_("kopregels"), default=dict, blank=True)
    # Attachments: [{"filename", "content", "mimetype"}] (binary ones in base64 with "base64": true, inline
    # images with a "content_id"); emptied once sent.
    attachments = models.JSONField(_("bijlagen"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("reden"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("laatste poging"), null=True, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class ScheduledRun(models.Model):
    """The last run of one scheduled job (core/schedule.py), for `manage.py jobs`: running, done or failed."""

    class Status(models.TextChoices):
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    key = models.CharField(_("taak"), max_length=100, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    started_at = models.DateTimeField(_("begonnen"))
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    result = models.TextField(_("uitkomst"), blank=True)

    class Meta:
        verbose_name = _("geplande taak")
        verbose_name_plural = _("geplande taken")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key}: {self.status}"


class RateCounter(models.Model):
    """One rate-limit window (core/ratelimit.py) when the limits are kept in the database: counted with
    one atomic UPDATE, so every web worker shares it and a restart does not reset it. The key is a hash
    of what is counted (an address, an account), never the value itself."""

    key = models.CharField(max_length=80, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class SubmissionKey(models.Model):
    """A form that creates something was sent with this one-time key (core/submissions.py): the same
    form sent again (the connection dropped after we stored it, a double click) gets the first result
    instead of a second copy. Only a hash of the key is stored; kept for a day."""

    key = models.CharField(max_length=64, primary_key=True)
    scope = models.CharField(max_length=60)
    result = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.scope}: {self.key[:8]}"
