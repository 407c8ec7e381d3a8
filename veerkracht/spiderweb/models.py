"""Mijn Positieve Gezondheid: instruments (as versioned data), assessments ("webs") and reflections.

Answers are stored as JSON on the assessment (one row per web, not one per item), with the six
dimension scores as columns: the monitor aggregates those without reading answers, and a web with
40 answers costs one row. The instrument version a web was made with is a foreign key to an
immutable Instrument row, so a new version never changes old results.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import AgeBand
from veerkracht.core.vocabulary import DIMENSION_KEYS, DIMENSION_NAMES
from veerkracht.regions.models import Municipality


def localized(texts: dict[str, str]) -> str:
    """Pick the current language from an instrument text dict, falling back to Dutch."""
    lang = (get_language() or "nl")[:2]
    return texts.get(lang) or texts.get("nl") or next(iter(texts.values()), "")


class Audience(models.TextChoices):
    ADULT = "adult", _("volwassenen")
    SIMPLE = "simple", _("eenvoudige taal")
    CHILD = "child", _("kinderen (8–18)")


class Instrument(models.Model):
    slug = models.SlugField(_("korte naam"))
    version = models.CharField(_("versie"), max_length=20)
    audience = models.CharField(_("voor wie"), max_length=10, choices=Audience.choices)
    definition = models.JSONField(_("inhoud"))
    checksum = models.CharField(max_length=64)
    is_active = models.BooleanField(_("kan worden ingevuld"), default=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        ordering = ["audience", "slug", "-loaded_at"]
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="instrument_unique_version")]

    def __str__(self) -> str:
        return f"{self.slug} {self.version}"

    @property
    def title(self) -> str:
        return localized(self.definition["title"])

    @property
    def intro(self) -> str:
        return localized(self.definition["intro"])

    @property
    def dimensions(self) -> list[dict]:
        return self.definition["dimensions"]

    @property
    def item_keys(self) -> dict[str, str]:
        """item key -> dimension key."""
        return {item["key"]: dim["key"] for dim in self.dimensions for item in dim["items"]}

    def dimension(self, index: int) -> dict:
        return self.dimensions[index]

    def dimension_name(self, key: str) -> str:
        for dim in self.dimensions:
            if dim["key"] == key:
                return localized(dim["name"])
        return str(DIMENSION_NAMES.get(key, key))

    @property
    def dimension_labels(self) -> list[str]:
        return [localized(d["name"]) for d in self.dimensions]

    @property
    def scale_max(self) -> int:
        return int(self.definition["scale"]["max"])

    @property
    def scale_min(self) -> int:
        return int(self.definition["scale"]["min"])


class Education(models.TextChoices):
    """Highest completed education, in the three groups Dutch health statistics use (CBS/RIVM)."""

    LOW = "low", _("laag (geen, basisschool, vmbo, mbo 1)")
    MIDDLE = "middle", _("middelbaar (havo, vwo, mbo 2 tot 4)")
    HIGH = "high", _("hoog (hbo, universiteit)")


class Status(models.TextChoices):
    DRAFT = "draft", _("nog bezig")
    COMPLETED = "completed", _("klaar")


class Assessment(models.Model):
    """One spider web of one person. Owned by that person; nobody else sees it unless shared."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="assessments")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    answers = models.JSONField(default=dict, blank=True)
    talk_about = models.JSONField(default=list, blank=True)
    step = models.PositiveSmallIntegerField(default=0)
    score_body = models.FloatField(null=True, blank=True)
    score_mind = models.FloatField(null=True, blank=True)
    score_meaning = models.FloatField(null=True, blank=True)
    score_quality = models.FloatField(null=True, blank=True)
    score_participation = models.FloatField(null=True, blank=True)
    score_daily = models.FloatField(null=True, blank=True)
    # Copied from the profile when the web is completed, only if the person gave them.
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.SET_NULL)
    age_band = models.CharField(max_length=5, choices=AgeBand.choices, blank=True)
    # Mirrors the owner's current research consent (kept in sync by the service).
    research_consent = models.BooleanField(default=False)
    # Mirrors the owner's answer on the consent page (only kept while research consent is given).
    education = models.CharField(max_length=6, choices=Education.choices, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("spinnenweb")
        verbose_name_plural = _("spinnenwebben")
        indexes = [
            models.Index(fields=["owner", "status", "-completed_at"]),
            models.Index(fields=["research_consent", "municipality", "completed_at"]),
        ]
        constraints = [
            # One open draft per person and instrument: a double "start" resumes it instead.
            models.UniqueConstraint(
                fields=["owner", "instrument"],
                condition=models.Q(status="draft"),
                name="one_draft_per_instrument",
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} {self.completed_at or self.started_at:%Y-%m-%d}"

    @property
    def is_completed(self) -> bool:
        return self.status == Status.COMPLETED

    def score_for(self, dimension: str) -> float | None:
        return getattr(self, f"score_{dimension}")

    @property
    def scores(self) -> list[float | None]:
        return [self.score_for(key) for key in DIMENSION_KEYS]

    @property
    def health_surface(self) -> float | None:
        """Area inside the web as a share of the full web (0–100%), like the tool's 'health surface'."""
        import math

        values = self.scores
        if any(v is None for v in values):
            return None
        n = len(values)
        area = sum(values[i] * values[(i + 1) % n] for i in range(n)) * math.sin(2 * math.pi / n) / 2
        full = n * 10 * 10 * math.sin(2 * math.pi / n) / 2
        return round(100 * area / full, 1)


class Reflection(models.Model):
    """Het andere gesprek: overzicht, inzicht, uitzicht, saved with the web."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="reflection")
    matters_most = models.TextField(_("Wat is nu het belangrijkst voor jou?"), blank=True, max_length=2000)
    focus_dimension = models.CharField(
        _("Aan welk onderdeel wil je werken?"),
        max_length=20,
        blank=True,
        choices=list(DIMENSION_NAMES.items()),
    )
    want_to_change = models.TextField(_("Wat zou je willen veranderen?"), blank=True, max_length=2000)
    needs = models.TextField(_("Wat heb je daarvoor nodig?"), blank=True, max_length=2000)
    who_can_help = models.TextField(_("Wie of wat kan je daarbij helpen?"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")

    def __str__(self) -> str:
        return f"reflectie bij {self.assessment_id}"


class ResearchConsent(models.Model):
    """A person's separate choice to let their scores count, anonymously, in the monitor."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="research_consent"
    )
    given = models.BooleanField(default=False)
    # Optional; asked on the consent page because the health gap is measured by education level.
    education = models.CharField(
        _("hoogste opleiding die je hebt afgemaakt"), max_length=6, choices=Education.choices, blank=True
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("toestemming onderzoek")
        verbose_name_plural = _("toestemmingen onderzoek")

    def __str__(self) -> str:
        return f"{self.user_id}: {'ja' if self.given else 'nee'}"


class ShareScope(models.TextChoices):
    ONE = "one", _("alleen dit spinnenweb")
    FUTURE = "future", _("dit spinnenweb en alle nieuwe spinnenwebben")


class Share(models.Model):
    """A resident lets one professional see one web (or also the next ones) until a date.

    The professional gets a one-time code (by e-mail or from the resident). Only a hash of the code
    is stored. Revoking or expiry takes effect at once: every read checks the share again.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_given")
    # SET_NULL: a share of "all future webs" outlives the deletion of the web it started with
    # (shares of only that web are deleted with it, in assessment_delete).
    assessment = models.ForeignKey(
        Assessment, null=True, blank=True, on_delete=models.SET_NULL, related_name="shares"
    )
    include_reflection = models.BooleanField(
        _("De professional mag ook lezen wat ik bij 'Het andere gesprek' schreef"), default=False
    )
    scope = models.CharField(_("wat deel je"), max_length=10, choices=ShareScope.choices)
    invite_email = models.EmailField(_("e-mailadres van de professional"), blank=True)
    code_hash = models.CharField(max_length=64, unique=True)
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="shares_received",
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("tot wanneer"))
    claimed_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("gedeeld spinnenweb")
        verbose_name_plural = _("gedeelde spinnenwebben")
        indexes = [models.Index(fields=["professional", "expires_at"])]

    def __str__(self) -> str:
        return f"share {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def is_claimed(self) -> bool:
        return self.professional_id is not None

    def covers(self, web: Assessment) -> bool:
        if web.owner_id != self.owner_id or not web.is_completed:
            return False
        if web.pk == self.assessment_id:
            return True
        return self.scope == ShareScope.FUTURE and web.completed_at >= self.created_at


class ConversationNote(models.Model):
    """A note of the professional about a shared web; the resident reads it too."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="notes")
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("notitie"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gespreksnotitie")
        verbose_name_plural = _("gespreksnotities")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"note {self.pk}"
