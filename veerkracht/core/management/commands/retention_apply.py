"""Delete what has been kept long enough: every app's retention rules (core/retention.py).

The worker runs the same every night as the scheduled job ``core.retention`` (core/jobs.py); this
command is for running it by hand.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from veerkracht.core.retention import apply_all


class Command(BaseCommand):
    help = "Apply the retention periods of the privacy statement: delete what has been kept long enough."

    def handle(self, *args, **options) -> None:
        outcomes = apply_all(timezone.now())
        for outcome in outcomes:
            if outcome.error:
                self.stderr.write(f"{outcome.key}: FAILED ({outcome.error})")
            else:
                self.stdout.write(f"{outcome.key}: {outcome.removed} removed")
        failed = [o.key for o in outcomes if o.error]
        if failed:
            raise CommandError(f"retention rules failed: {', '.join(failed)}")
