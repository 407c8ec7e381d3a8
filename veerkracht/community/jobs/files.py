"""Files: a daily sweep of stored files that no row refers to (a rolled-back write leaves them)."""

from __future__ import annotations

from veerkracht.core.schedule import Scheduled, register

from ..services.files import files_sweep

register(
    Scheduled(
        key="community.files_sweep",
        what="Files: delete stored community files without a row (left by a rolled-back write)",
        when="every night at 03:40",
        cron={"minute": "40", "hour": "3"},
        run=files_sweep,
        lock_ttl=3600,
        order=61,
    )
)
