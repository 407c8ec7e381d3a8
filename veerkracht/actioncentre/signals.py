"""Keep cached aggregates and pages honest: any write to an initiative or to what its public page
shows (needs, news, partners, phase changes) gives the region's initiatives a new data version, so the
map counts and the anonymous copies of the list and the detail pages are made anew.

The version changes twice: at once (the rest of this request, and code that never commits, sees the
change) and again after the commit (whatever a reader cached in between, from rows before the commit,
is not read again)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Initiative, InitiativePartner, InitiativeUpdate, Need, PhaseChange
from .selectors.initiatives import initiative_counts_changed


@receiver([post_save, post_delete], sender=Initiative)
def _initiative_changed(sender, instance: Initiative, **kwargs) -> None:
    _changed(instance.region_id)


@receiver([post_save, post_delete], sender=Need)
@receiver([post_save, post_delete], sender=InitiativeUpdate)
@receiver([post_save, post_delete], sender=InitiativePartner)
@receiver([post_save, post_delete], sender=PhaseChange)
def _part_changed(sender, instance, **kwargs) -> None:
    region_id = (
        Initiative.objects.filter(pk=instance.initiative_id).values_list("region_id", flat=True).first()
    )
    if region_id is not None:
        _changed(region_id)


def _changed(region_id: int) -> None:
    initiative_counts_changed(region_id)
    transaction.on_commit(lambda: initiative_counts_changed(region_id))
