"""The catalogue: courses, the cohorts (start dates) in which they run, and learning paths that chain
courses ("Basis" → "Het andere gesprek voeren" → "Implementatiecoach").

A course says what it takes to complete it (``requires_elearning``, ``min_meetings``): a blended
course is completed when its e-learning is passed and enough of its cohort's meetings were attended.
Meetings are agenda events (``Cohort.meetings``): dates, registration and check-in live there, never
in a second event model.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.models import TimeStampedModel
from veerkracht.regions.models import Region, Subregion


class TargetGroup(models.TextChoices):
    PROFESSIONAL = "professional", _("professionals")
    COACH = "coach", _("implementatiecoaches")
    VOLUNTEER = "volunteer", _("vrijwilligers")
    AMBASSADOR = "ambassador", _("ambassadeurs")
    MANAGER = "manager", _("managers en beleidsmakers")


class CourseFormat(models.TextChoices):
    ELEARNING = "elearning", _("e-learning")
    CLASSROOM = "classroom", _("training in een groep")
    BLENDED = "blended", _("e-learning en bijeenkomsten")
    INTERVISION = "intervision", _("intervisiegroep")
    LEERGANG = "leergang", _("leergang")


class CostKind(models.TextChoices):
    FREE = "free", _("gratis")
    PLAN = "plan", _("betaald uit het scholingsplan")
    EMPLOYER = "employer", _("betaald door de werkgever")


class Course(TimeStampedModel):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    slug = models.SlugField(_("korte naam in het webadres"), max_length=80)
    title = models.CharField(_("naam van de cursus"), max_length=120)
    summary = models.CharField(_("in een paar zinnen"), max_length=300)
    description = models.TextField(_("wat leer je?"), max_length=5000)
    target_group = models.CharField(_("voor wie"), max_length=12, choices=TargetGroup.choices)
    format = models.CharField(_("vorm"), max_length=12, choices=CourseFormat.choices)
    duration = models.CharField(
        _("hoe lang duurt het?"), max_length=120, help_text=_("Bijvoorbeeld: 4 uur online en 3 avonden")
    )
    study_hours = models.PositiveSmallIntegerField(_("studie-uren"), default=0)
    cost_kind = models.CharField(_("wie betaalt?"), max_length=10, choices=CostKind.choices)
    # What one seat costs the payer, in euro cents (0 when free).
    seat_cost_cents = models.PositiveIntegerField(_("kosten per plaats (in centen)"), default=0)
    accreditation_register = models.CharField(_("accreditatie: register"), max_length=120, blank=True)
    accreditation_points = models.DecimalField(
        _("accreditatie: punten"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    # Completion rules.
    requires_elearning = models.BooleanField(_("e-learning moet gehaald zijn"), default=False)
    min_meetings = models.PositiveSmallIntegerField(_("minimaal aantal bijeenkomsten bijgewoond"), default=0)
    # The training coordinator approves each enrolment first.
    requires_approval = models.BooleanField(_("aanmelding moet goedgekeurd worden"), default=False)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("cursus")
        verbose_name_plural = _("cursussen")
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["region", "slug"], name="learning_course_slug_unique")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None and self.published_at <= timezone.now()


class LearningPath(TimeStampedModel):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    slug = models.SlugField(_("korte naam in het webadres"), max_length=80)
    title = models.CharField(_("naam van de leerlijn"), max_length=120)
    summary = models.CharField(_("in een paar zinnen"), max_length=300)
    courses = models.ManyToManyField(Course, through="PathStep", related_name="paths")

    class Meta:
        verbose_name = _("leerlijn")
        verbose_name_plural = _("leerlijnen")
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["region", "slug"], name="learning_path_slug_unique")]

    def __str__(self) -> str:
        return self.title


class PathStep(models.Model):
    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, related_name="steps")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["path", "course"], name="learning_pathstep_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.path} {self.order}: {self.course}"


class Cohort(TimeStampedModel):
    """One run of a course: a start date, places, a facilitator, and its meetings in the agenda.

    An e-learning without meetings still has a cohort (an open one, ``capacity`` empty), so every
    enrolment has the same shape.
    """

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="cohorts")
    title = models.CharField(_("naam van de groep"), max_length=120, help_text=_("Bijvoorbeeld: najaar 2025"))
    subregion = models.ForeignKey(
        Subregion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("deel van de regio"),
        help_text=_("Leeg: online of in de hele regio"),
    )
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"), null=True, blank=True)
    enrol_until = models.DateField(_("aanmelden kan tot en met"), null=True, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg: geen grens")
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("begeleider"),
    )
    meetings = models.ManyToManyField(
        "agenda.Event", blank=True, related_name="+", verbose_name=_("bijeenkomsten")
    )

    class Meta:
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")
        ordering = ["starts_on", "pk"]

    def __str__(self) -> str:
        return f"{self.course} – {self.title}"
