"""Put a backup back (core/backup.py): the database and the uploaded files as they were then."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from veerkracht.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup folder made by `manage.py backup` (stop the web server and worker first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the backup folder (see `manage.py backup --list`)")
        parser.add_argument("--yes", action="store_true", help="yes, replace the data there is now")

    def handle(self, *args, **options) -> None:
        if not options["yes"]:
            raise CommandError(
                "This replaces the database and the uploaded files with the backup: everything since "
                "is lost. Run again with --yes."
            )
        try:
            manifest = backup_restore(path=options["path"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']}. Now run `manage.py migrate`."
            )
        )
