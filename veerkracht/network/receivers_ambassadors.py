"""Ambassadors listen to the learning app (a completed course for ambassadors ticks the workshop) and to
the role (given or taken in the back office, outside an application)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from veerkracht.accounts.models import Role, RoleAssignment
from veerkracht.learning.selectors.enrolments import is_ambassador_course_completion
from veerkracht.learning.services.enrolments import enrolment_completed
from veerkracht.regions.selectors import current_region

from .models import Ambassador, Background
from .services.ambassadors import (
    ambassador_for_role,
    ambassador_history_forget,
    ambassador_role_taken,
    ambassador_workshop_from_training,
)


@receiver(enrolment_completed, dispatch_uid="network.ambassadors.workshop")
def on_enrolment_completed(sender, enrolment, **kwargs) -> None:
    # Sent inside the learning app's transaction: the tick is saved with the completion or not at all.
    if is_ambassador_course_completion(enrolment):
        day = timezone.localdate(enrolment.completed_at) if enrolment.completed_at else timezone.localdate()
        ambassador_workshop_from_training(user=enrolment.user, on=day)


def _region_of(user):
    municipality = getattr(getattr(user, "profile", None), "municipality", None)
    return municipality.region if municipality is not None else current_region()


def _background_of(user) -> str:
    at_work = user.has_role(Role.PROFESSIONAL) or user.memberships.exists()
    return Background.PROFESSIONAL if at_work else Background.RESIDENT


@receiver(post_save, sender=RoleAssignment, dispatch_uid="network.ambassadors.role_granted")
def on_role_granted(sender, instance: RoleAssignment, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or not created or instance.role != Role.AMBASSADOR:
        return
    region = _region_of(instance.user)
    if region is None:
        return
    since = timezone.localdate(instance.created_at) if instance.created_at else timezone.localdate()
    ambassador_for_role(
        user=instance.user, region=region, since=since, background=_background_of(instance.user)
    )


@receiver(post_delete, sender=RoleAssignment, dispatch_uid="network.ambassadors.role_revoked")
def on_role_revoked(sender, instance: RoleAssignment, origin=None, **kwargs) -> None:
    # Only a revoke of the role itself: when the whole account goes, its Ambassador goes with it.
    if instance.role != Role.AMBASSADOR or getattr(origin, "model", type(origin)) is not RoleAssignment:
        return
    ambassador_role_taken(user=instance.user)


@receiver(pre_delete, sender=Ambassador, dispatch_uid="network.ambassadors.deleted")
def on_ambassador_deleted(sender, instance: Ambassador, **kwargs) -> None:
    # The history goes with the ambassador; only a stop's "why" stays, as a lesson without the person.
    ambassador_history_forget(ambassador=instance)
