"""`manage.py learning_import_course <file>`: add a course from a package as a new, unpublished course."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from veerkracht.learning.services.transfer import PackageError, course_import
from veerkracht.regions.selectors import current_region


class Command(BaseCommand):
    help = "Import a course package (made by learning_export_course) as a new unpublished course."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the ZIP package")

    def handle(self, *args, file: str, **options) -> None:
        region = current_region()
        if region is None:
            raise CommandError("This site has no region yet: load one first.")
        try:
            with open(file, "rb") as upload:
                course = course_import(upload=upload, region=region)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        except PackageError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"Imported {course.title} as /{course.slug}/ (not published)."))
