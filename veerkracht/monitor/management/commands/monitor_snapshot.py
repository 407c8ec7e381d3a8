from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from veerkracht.regions.models import Region

from ...compute.snapshots import snapshot_run


class Command(BaseCommand):
    help = (
        "Compute the monitor's figures for every period (run monthly, e.g. from cron on the 1st). "
        "Safe to run twice or after a gap: stored closed periods are kept, missing ones are added."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="slug of one region (default: all regions)")
        parser.add_argument(
            "--rebuild", action="store_true", help="throw away every stored period and compute all again"
        )

    def handle(self, *args, **options) -> None:
        regions = Region.objects.all()
        if options["region"]:
            regions = regions.filter(slug=options["region"])
            if not regions.exists():
                raise CommandError(f"Unknown region: {options['region']}")
        for region in regions:
            result = snapshot_run(region=region, rebuild=options["rebuild"])
            self.stdout.write(
                f"{region.slug}: {len(result.computed)} periods computed, "
                f"{result.skipped} closed periods kept, {result.figures} figures, {result.seconds:.1f}s"
            )
