"""News: scheduled items appear and expired ones go, also in the search index."""

from __future__ import annotations

from veerkracht.core.schedule import Scheduled, register

from ..services.news import news_touch_due

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
