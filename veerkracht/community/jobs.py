"""The community's scheduled jobs (core/schedule.py). Each feature adds its jobs in a marked block;
each is safe to run twice, late or at the same time."""

from __future__ import annotations

from veerkracht.core.schedule import Scheduled, register

# --- questions ---
from .services.questions import questions_send_weekly

register(
    Scheduled(
        key="community.questions_weekly",
        what="Community: e-mail ambassadors the open questions in the themes they chose (once a week)",
        when="Mondays at 09:15",
        cron={"minute": "15", "hour": "9", "day_of_week": "1"},
        run=questions_send_weekly,
        order=60,
    )
)
