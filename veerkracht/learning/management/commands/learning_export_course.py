"""`manage.py learning_export_course <slug> <file>`: write a course's content package (a ZIP)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from veerkracht.learning.selectors.transfer import course_package, courses_by_slug
from veerkracht.regions.selectors import current_region


class Command(BaseCommand):
    help = "Export a course's e-learning content (modules, lessons, files, quizzes) as one ZIP package."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug", help="the course's short name in its web address")
        parser.add_argument("file", help="where to write the ZIP package")

    def handle(self, *args, slug: str, file: str, **options) -> None:
        found = courses_by_slug(slug, current_region())
        if len(found) != 1:
            raise CommandError(f"No single course with slug {slug!r} in this site's region.")
        Path(file).write_bytes(course_package(found[0]))
        self.stdout.write(self.style.SUCCESS(f"Wrote {found[0].title} to {file}."))
