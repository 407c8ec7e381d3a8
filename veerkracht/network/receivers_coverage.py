"""The coverage page's cached counts follow every change to an ambassador (status, municipality)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Ambassador
from .selectors.coverage import coverage_changed


@receiver([post_save, post_delete], sender=Ambassador, dispatch_uid="network.coverage.ambassador")
def _ambassador_changed(sender, instance: Ambassador, **kwargs) -> None:
    # After the commit: a reader in between must not cache the old counts under the new version.
    region_id = instance.region_id
    transaction.on_commit(lambda: coverage_changed(region_id))
