"""Back up the database and the uploaded files (core/backup.py); `--list` shows the backups there are."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from veerkracht.core.backup import BackupError, backup_create, backups_list


class Command(BaseCommand):
    help = "Back up the database (SQLite online backup or pg_dump) and MEDIA_ROOT and PRIVATE_MEDIA_ROOT."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dir", type=Path, help="where to put it (default BACKUP_DIR)")
        parser.add_argument("--keep", type=int, help="how many backups to keep (default BACKUP_KEEP)")
        parser.add_argument("--list", action="store_true", help="list the backups instead")

    def handle(self, *args, **options) -> None:
        if options["list"]:
            for path in backups_list(options["dir"]):
                self.stdout.write(str(path))
            return
        try:
            made = backup_create(directory=options["dir"], keep=options["keep"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Backup of the {made.vendor} database and files: {made.path}"))
