"""The SQLite job queue, tuned like the SQLite database (settings.py): WAL with synchronous=NORMAL.

Huey's own SQLite storage can only choose between fsync on every commit (FULL: a request then waits
several milliseconds for the disk to queue one mail) and no sync at all (OFF: a power cut may corrupt the
file). NORMAL in WAL mode is safe from corruption; what a power cut can cost is the last jobs queued, and
for mail that is covered: every mail is also a row in the database, and `mail_recover` queues again what
never got a job. Imported by Huey's Django integration at start-up, so nothing here may touch models.
"""

from __future__ import annotations

from huey import SqliteHuey
from huey.storage import SqliteStorage


class NormalSyncSqliteStorage(SqliteStorage):
    def _create_connection(self):
        conn = super()._create_connection()
        conn.execute("pragma synchronous=NORMAL")
        return conn


class SqliteQueue(SqliteHuey):
    storage_class = NormalSyncSqliteStorage
