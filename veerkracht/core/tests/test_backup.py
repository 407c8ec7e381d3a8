"""Backup -> change -> restore -> compare, on the database the suite runs on (SQLite and PostgreSQL in
CI), with the uploaded files; old backups beyond the count are deleted; a restore asks to be sure."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from veerkracht.accounts.models import User
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.core.backup import BackupError, backup_create, backup_restore, backups_list

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    (tmp_path / "media" / "verhalen").mkdir(parents=True)
    (tmp_path / "private" / "groups").mkdir(parents=True)
    (tmp_path / "media" / "verhalen" / "foto.jpg").write_bytes(b"eerste foto")
    (tmp_path / "private" / "groups" / "verslag.pdf").write_bytes(b"%PDF verslag")
    return tmp_path


def test_a_restore_brings_back_the_database_and_the_files_as_they_were(region, files):
    kept = UserFactory(email="blijft@example.org")
    made = backup_create(directory=files / "backups", keep=3)
    assert made.path in backups_list(files / "backups")

    kept.delete()
    UserFactory(email="later@example.org")
    (files / "media" / "verhalen" / "foto.jpg").write_bytes(b"overschreven")
    (files / "media" / "verhalen" / "nieuw.jpg").write_bytes(b"later")
    (files / "private" / "groups" / "verslag.pdf").unlink()

    backup_restore(path=made.path)
    assert User.objects.filter(email="blijft@example.org").exists()
    assert not User.objects.filter(email="later@example.org").exists()
    assert (files / "media" / "verhalen" / "foto.jpg").read_bytes() == b"eerste foto"
    assert not (files / "media" / "verhalen" / "nieuw.jpg").exists()
    assert (files / "private" / "groups" / "verslag.pdf").read_bytes() == b"%PDF verslag"


def test_only_the_newest_backups_are_kept_and_a_restore_needs_yes(region, files):
    for _ in range(3):
        backup_create(directory=files / "backups", keep=2)
    assert len(backups_list(files / "backups")) == 2
    newest = backups_list(files / "backups")[0]
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(newest))
    with pytest.raises(BackupError, match="not a backup"):
        backup_restore(path=files)


def test_the_command_makes_one_in_the_configured_folder(region, files, settings, capsys):
    settings.BACKUP_DIR = files / "nightly"
    call_command("backup")
    assert len(backups_list(files / "nightly")) == 1 and "Backup of the" in capsys.readouterr().out
