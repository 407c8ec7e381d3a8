"""Backups of the whole installation: the database and the uploaded files, in one folder per backup.

- SQLite through its online backup API: a consistent copy while the site keeps running (copying the
  ``db.sqlite3`` file alone is not a backup in WAL mode: what is still in ``-wal`` is lost);
- PostgreSQL with ``pg_dump --format=custom`` (restored with ``pg_restore`` in one transaction);
- MEDIA_ROOT (public photos) and PRIVATE_MEDIA_ROOT (waiting photos, group and library files,
  e-learning downloads) as ``files.tar.gz``.

A backup folder is ``<BACKUP_DIR>/veerkracht-<UTC time>/`` with ``manifest.json``; the newest
``BACKUP_KEEP`` are kept. ``manage.py backup`` and ``manage.py restore`` use these functions, and the
scheduled job ``core.backup`` makes one every night.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

PREFIX = "veerkracht-"
MANIFEST = "manifest.json"
FILES = "files.tar.gz"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"
FORMAT = 1


class BackupError(Exception):
    """Something the operator must see, in plain words."""


@dataclass(frozen=True)
class Backup:
    path: Path
    created_at: str
    vendor: str


def _roots() -> dict[str, Path]:
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def _postgres_env(alias: str) -> tuple[dict[str, str], str]:
    conf = connections[alias].settings_dict
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if conf.get(key):
            env[name] = str(conf[key])
    return env, str(conf["NAME"])


def _run(command: list[str], env: dict[str, str]) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client)")
    done = subprocess.run([tool, *command[1:]], env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


def _database_backup(folder: Path, alias: str) -> str:
    connection = connections[alias]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / SQLITE_FILE)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif connection.vendor == "postgresql":
        env, name = _postgres_env(alias)
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / POSTGRES_FILE), name], env)
    else:
        raise BackupError(f"no backup for a {connection.vendor} database")
    return connection.vendor


def _files_backup(folder: Path) -> None:
    with tarfile.open(folder / FILES, "w:gz") as archive:
        for name, root in _roots().items():
            if root.exists():
                archive.add(root, arcname=name)


def backup_create(
    *, directory: Path | None = None, keep: int | None = None, alias: str = "default"
) -> Backup:
    """Make a backup; returns it. Older backups beyond `keep` (BACKUP_KEEP) are deleted afterwards."""
    directory = Path(directory or settings.BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    final = directory / f"{PREFIX}{now:%Y%m%d-%H%M%S-%f}"
    partial = directory / f".partial-{final.name}"
    partial.mkdir()
    try:
        vendor = _database_backup(partial, alias)
        _files_backup(partial)
        manifest = {"format": FORMAT, "created_at": now.isoformat(), "vendor": vendor}
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial.rename(final)  # a backup folder is complete or not there at all
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    backups_prune(directory=directory, keep=settings.BACKUP_KEEP if keep is None else keep)
    return Backup(path=final, created_at=manifest["created_at"], vendor=vendor)


def backups_list(directory: Path | None = None) -> list[Path]:
    """Complete backups, newest first."""
    directory = Path(directory or settings.BACKUP_DIR)
    if not directory.exists():
        return []
    found = [p for p in directory.iterdir() if p.name.startswith(PREFIX) and (p / MANIFEST).exists()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backups_prune(*, directory: Path, keep: int) -> int:
    old = backups_list(directory)[max(keep, 1) :]
    for path in old:
        shutil.rmtree(path)
    return len(old)


def _manifest(path: Path) -> dict:
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{path} is not a backup (no readable {MANIFEST})") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: unknown backup format {manifest.get('format')!r}")
    return manifest


def _database_restore(path: Path, vendor: str, alias: str) -> None:
    connection = connections[alias]
    if connection.vendor != vendor:
        raise BackupError(f"this backup is of a {vendor} database; this site runs on {connection.vendor}")
    if vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path / SQLITE_FILE)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        env, name = _postgres_env(alias)
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "-d",
                name,
                str(path / POSTGRES_FILE),
            ],
            env,
        )


def _files_restore(path: Path) -> None:
    with tempfile.TemporaryDirectory() as unpacked:
        with tarfile.open(path / FILES, "r:gz") as archive:
            archive.extractall(unpacked, filter="data")  # no absolute paths, links out or devices
        for name, root in _roots().items():
            source = Path(unpacked) / name
            aside = root.with_name(f".{root.name}-before-restore")
            shutil.rmtree(aside, ignore_errors=True)
            if root.exists():
                root.rename(aside)
            if source.exists():
                shutil.move(str(source), str(root))
            else:
                root.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(aside, ignore_errors=True)


def backup_restore(*, path: Path, alias: str = "default") -> dict:
    """Put the database and the files back as they were in this backup (everything since is lost)."""
    path = Path(path)
    manifest = _manifest(path)
    _database_restore(path, manifest["vendor"], alias)
    _files_restore(path)
    return manifest
