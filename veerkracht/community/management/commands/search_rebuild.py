"""`manage.py search_rebuild [--kind story ...]`: index everything that can be found anew."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from veerkracht.community.services.search import search_rebuild
from veerkracht.regions.selectors import current_region


class Command(BaseCommand):
    help = "Rebuild the search index of the site (all kinds, or the kinds given)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--kind", action="append", default=[], help="only this kind (repeatable)")

    def handle(self, *args, **options) -> None:
        region = current_region()
        if region is None:
            self.stdout.write("No region yet: nothing to index.")
            return
        counts = search_rebuild(region=region, kinds=options["kind"] or None)
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Indexed {sum(counts.values())} documents."))
