"""Intervision groups: 4 to 8 learners of one cohort with its facilitator, a series of meetings in the
agenda, a closed group in the community app (posts, files, upcoming meetings) and, after each meeting,
a short reflection by each member.

Meetings are agenda events (by id, as the community app keeps them); they are also the cohort's
meetings, so attendance checked in through the agenda counts for completing the course. Reflections
belong to their author: members and the facilitator read them, nobody else.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from veerkracht.core.models import TimeStampedModel

from .catalogue import Cohort

MIN_MEMBERS = 4
MAX_MEMBERS = 8
REFLECTION_MAX = 2000


class IntervisionGroup(TimeStampedModel):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="intervision_groups")
    name = models.CharField(_("naam van de intervisiegroep"), max_length=120)
    # The community app's closed group (its id: the group lives in that app).
    community_group_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("intervisiegroep")
        verbose_name_plural = _("intervisiegroepen")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class IntervisionMember(models.Model):
    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lid van een intervisiegroep")
        verbose_name_plural = _("leden van intervisiegroepen")
        ordering = ["joined_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="learning_intervision_member")]

    def __str__(self) -> str:
        return f"{self.group_id}:{self.user_id}"


class IntervisionMeeting(models.Model):
    """One agenda event of the group's series (the event lives in the agenda app)."""

    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="meetings")
    event_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "event_id"], name="learning_intervision_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.group_id}:{self.event_id}"


class Reflection(TimeStampedModel):
    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="reflections")
    event_id = models.PositiveBigIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("je reflectie"), max_length=REFLECTION_MAX)

    class Meta:
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "event_id", "author"], name="learning_reflection_once_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group_id}:{self.event_id}:{self.author_id}"
