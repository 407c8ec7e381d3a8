"""Questions: the weekly e-mail to ambassadors with the open questions in their themes."""

from __future__ import annotations

from veerkracht.core.schedule import Scheduled, register

from ..services.questions import questions_send_weekly

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
