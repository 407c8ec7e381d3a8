"""The community's scheduled jobs (core/schedule.py). Each feature adds its jobs in a marked block."""

from __future__ import annotations

from veerkracht.core.schedule import Scheduled, register

# --- news ---
from .services.news import news_touch_due

register(
    Scheduled(
        key="community.news_due",
        what="News: save again news that just appeared or expired, so the search index follows",
        when="every 10 minutes",
        cron={"minute": "*/10"},
        run=news_touch_due,
        lock_ttl=600,
        order=60,
    )
)
