"""Closed groups: a space with members, posts, files and upcoming meetings from the agenda, visible only
to its members. Kinds: the ambassadors, a working group of partners, an intervision group (the learning
app reuses it)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..storage import group_file_storage
from .moderation import Moderated

POST_TEXT_MAX = 5000


class GroupKind(models.TextChoices):
    AMBASSADORS = "ambassadors", _("ambassadeurs")
    WORKING_GROUP = "working", _("werkgroep")
    INTERVISION = "intervision", _("intervisie")


class Group(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam van de groep"), max_length=150)
    kind = models.CharField(_("soort groep"), max_length=12, choices=GroupKind.choices)
    description = models.TextField(_("waar gaat de groep over?"), max_length=2000, blank=True)
    invite_version = models.PositiveIntegerField(default=1)  # a new version ends the old invitation link
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")
        ordering = ("name", "pk")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    is_admin = models.BooleanField(_("beheerder van de groep"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ("-is_admin", "joined_at", "pk")
        constraints = [models.UniqueConstraint(fields=("group", "user"), name="community_membership_once")]

    def __str__(self) -> str:
        return f"{self.group_id}:{self.user_id}"


class GroupPost(Moderated):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("je bericht"), max_length=POST_TEXT_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bericht in een groep")
        verbose_name_plural = _("berichten in groepen")
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return self.text[:60]


class GroupFile(models.Model):
    """A file shared in a group: stored outside the public media, served to members by a view."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="files")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("titel"), max_length=150)
    file = models.FileField(storage=group_file_storage, upload_to="groups/%Y/%m/", max_length=200)
    filename = models.CharField(max_length=150)  # the download's name, made safe
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bestand in een groep")
        verbose_name_plural = _("bestanden in groepen")
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return self.title


class GroupMeeting(models.Model):
    """An agenda event linked to a group (the event's id: the event lives in the agenda app)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    event_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=("group", "event_id"), name="community_meeting_once")]

    def __str__(self) -> str:
        return f"{self.group_id}:{self.event_id}"
