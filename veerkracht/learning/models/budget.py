"""The training-plan budget: funding sources, budget lines per target group or course, a ledger of
what enrolments commit and spend, and targets per target group and period.

The ledger (BudgetEntry) only grows: a seat commits its cost (COMMITTED), giving the seat up releases
it (RELEASED), completing the course turns it into spending (SPENT). Per line:

    open commitments = committed - released - spent
    left             = amount - committed + released     (= amount - open commitments - spent)

An entry keeps where the money went (target group, course, organisation, subregion) but no person:
its enrolment is SET_NULL when the account goes, so the money history survives without the learner.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.models import TimeStampedModel
from veerkracht.regions.models import Region, Subregion

from .catalogue import Course, TargetGroup
from .enrolments import Enrolment


class FundingSource(TimeStampedModel):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam van de financieringsbron"), max_length=150)
    amount_cents = models.PositiveBigIntegerField(_("bedrag (in centen)"))
    starts_on = models.DateField(_("periode vanaf"))
    ends_on = models.DateField(_("periode tot en met"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("financieringsbron")
        verbose_name_plural = _("financieringsbronnen")
        ordering = ["starts_on", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="learning_source_dates",
                violation_error_message=_("De einddatum ligt voor de begindatum."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De einddatum ligt voor de begindatum.")})


class BudgetLine(TimeStampedModel):
    """Money of one source for one target group, or for one course (a course line goes first)."""

    source = models.ForeignKey(FundingSource, on_delete=models.CASCADE, related_name="lines")
    target_group = models.CharField(_("doelgroep"), max_length=12, choices=TargetGroup.choices, blank=True)
    course = models.ForeignKey(
        Course, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("cursus")
    )
    amount_cents = models.PositiveBigIntegerField(_("bedrag (in centen)"))

    class Meta:
        verbose_name = _("budgetregel")
        verbose_name_plural = _("budgetregels")
        ordering = ["source", "course", "target_group", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(course__isnull=True) & ~Q(target_group=""))
                | (Q(course__isnull=False) & Q(target_group="")),
                name="learning_budgetline_one_kind",
                violation_error_message=_("Kies een doelgroep óf een cursus."),
            ),
            models.UniqueConstraint(
                fields=["source", "target_group"],
                condition=Q(course__isnull=True),
                name="learning_budgetline_group_once",
                violation_error_message=_(
                    "Deze bron heeft al een regel voor deze doelgroep. Pas die regel aan."
                ),
            ),
            models.UniqueConstraint(
                fields=["source", "course"],
                condition=Q(course__isnull=False),
                name="learning_budgetline_course_once",
                violation_error_message=_(
                    "Deze bron heeft al een regel voor deze cursus. Pas die regel aan."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.course or self.get_target_group_display()}"


class EntryKind(models.TextChoices):
    COMMITTED = "committed", _("vastgelegd")
    RELEASED = "released", _("vrijgegeven")
    SPENT = "spent", _("uitgegeven")


class BudgetEntry(models.Model):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    # Empty: no budget line matched (the cost is not covered; the report shows it).
    line = models.ForeignKey(
        BudgetLine, null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    kind = models.CharField(max_length=10, choices=EntryKind.choices)
    amount_cents = models.PositiveBigIntegerField()
    booked_on = models.DateField()
    target_group = models.CharField(max_length=12, choices=TargetGroup.choices)
    course = models.ForeignKey(Course, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subregion = models.ForeignKey(
        Subregion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    enrolment = models.ForeignKey(
        Enrolment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The line had not enough left when this was committed: allowed, and shown on the report.
    over_budget = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["booked_on", "pk"]
        indexes = [
            models.Index(fields=["enrolment", "kind"], name="learning_entry_enrolment"),
            models.Index(fields=["line", "kind", "amount_cents"], name="learning_entry_line"),
            models.Index(
                fields=["region", "kind", "booked_on", "amount_cents"], name="learning_entry_booked"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount_cents / 100:.2f}"


class BudgetTotal(models.Model):
    """The ledger summed per line, target group, organisation and subregion, kept up to date by every
    booking (services/budget.py), so the report reads a few hundred rows instead of the whole ledger.
    ``budget_totals_rebuild`` makes them again from the ledger (after a bulk import)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    line = models.ForeignKey(BudgetLine, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    target_group = models.CharField(max_length=12, choices=TargetGroup.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subregion = models.ForeignKey(
        Subregion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    committed_cents = models.BigIntegerField(default=0)
    released_cents = models.BigIntegerField(default=0)
    spent_cents = models.BigIntegerField(default=0)
    over_budget = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(
                fields=["region", "line", "target_group", "organisation", "subregion"],
                name="learning_total_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.line_id} {self.target_group} {self.organisation_id} {self.subregion_id}"


class Target(TimeStampedModel):
    """E.g. 200 professionals trained from 2020 to 2022: people with a completed enrolment in a course
    for this target group, completed within the period."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    target_group = models.CharField(_("doelgroep"), max_length=12, choices=TargetGroup.choices)
    people = models.PositiveIntegerField(_("aantal mensen"))
    starts_on = models.DateField(_("periode vanaf"))
    ends_on = models.DateField(_("periode tot en met"))
    # People reached so far, kept up to date on every completion (services/budget.py).
    reached = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["starts_on", "target_group", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="learning_target_dates",
                violation_error_message=_("De einddatum ligt voor de begindatum."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.people} {self.get_target_group_display()}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De einddatum ligt voor de begindatum.")})
