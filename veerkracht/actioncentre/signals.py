"""Keep cached aggregates honest: any write to an initiative or a need invalidates the map counts."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Initiative, Need
from .selectors.initiatives import initiative_counts_changed


@receiver([post_save, post_delete], sender=Initiative)
def _initiative_changed(sender, instance: Initiative, **kwargs) -> None:
    # After the commit: a reader in between must not cache the old counts under the new version.
    region_id = instance.region_id
    transaction.on_commit(lambda: initiative_counts_changed(region_id))


@receiver([post_save, post_delete], sender=Need)
def _need_changed(sender, instance: Need, **kwargs) -> None:
    region_id = (
        Initiative.objects.filter(pk=instance.initiative_id).values_list("region_id", flat=True).first()
    )
    if region_id is not None:
        transaction.on_commit(lambda: initiative_counts_changed(region_id))
