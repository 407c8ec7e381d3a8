"""After the event: the short evaluation, the report with photos and slides, and the ideas that came up
and became an action-centre request or an initiative."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .events import Event
from .registrations import Registration

User = settings.AUTH_USER_MODEL

SCALE = [MinValueValidator(1), MaxValueValidator(5)]

# The four questions on a 1-5 scale, in this order (field names score_1 .. score_4).
EVALUATION_QUESTIONS = (
    _("Hoe vond je de bijeenkomst?"),
    _("Heb je iets nieuws gehoord of geleerd?"),
    _("Heb je mensen ontmoet met wie je verder wilt?"),
    _("Zou je een ander aanraden om te komen?"),
)


class Evaluation(models.Model):
    """One person's answers; anonymous once the registration is erased (it points to nobody then)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evaluations")
    registration = models.OneToOneField(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="evaluation"
    )
    score_1 = models.PositiveSmallIntegerField(validators=SCALE)
    score_2 = models.PositiveSmallIntegerField(validators=SCALE)
    score_3 = models.PositiveSmallIntegerField(validators=SCALE)
    score_4 = models.PositiveSmallIntegerField(validators=SCALE)
    next_step = models.TextField(_("wat ga je nu doen?"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    def __str__(self) -> str:
        return f"{self.event}: {self.scores}"

    @property
    def scores(self) -> list[int]:
        return [self.score_1, self.score_2, self.score_3, self.score_4]


class Report(models.Model):
    """What happened, published by the organiser on the event page."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="report")
    text = models.TextField(_("verslag"), max_length=5000)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verslag")
        verbose_name_plural = _("verslagen")

    def __str__(self) -> str:
        return str(self.event)


def report_file_path(instance: ReportFile, filename: str) -> str:
    return f"agenda/reports/{instance.report.event_id}/{filename}"


class ReportFile(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", _("foto")
        SLIDES = "slides", _("presentatie (pdf)")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to=report_file_path)
    caption = models.CharField(_("onderschrift"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bestand bij verslag")
        verbose_name_plural = _("bestanden bij verslagen")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.file.name


class IdeaOutcome(models.TextChoices):
    REQUEST = "request", _("vraag aan het actiecentrum")
    INITIATIVE = "initiative", _("initiatief")


class Idea(models.Model):
    """An idea that came up in the event and was turned into a request or an initiative (by the action
    centre's own services); the id of what it became is kept for the monitor and the event page."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="ideas")
    outcome = models.CharField(max_length=12, choices=IdeaOutcome.choices)
    title = models.CharField(_("titel"), max_length=120)
    target_id = models.PositiveIntegerField()
    target_url = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idee uit een bijeenkomst")
        verbose_name_plural = _("ideeën uit bijeenkomsten")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "target_id"], name="idea_one_event_per_target")
        ]

    def __str__(self) -> str:
        return self.title
