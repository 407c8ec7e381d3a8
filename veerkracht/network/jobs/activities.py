"""Activities: sessions ambassadors organised in the agenda and introductions they made in the action
centre become rows of their activity log (once each: the source key ``agenda.event:<id>`` or
``actioncentre.connection:<id>``)."""

from __future__ import annotations

from veerkracht.core.schedule import Scheduled, register

from ..services.activities import activities_sync_all

register(
    Scheduled(
        key="network.activities_sync",
        what="Network: add sessions ambassadors organised and introductions they made to their activities",
        when="hourly at :50",
        cron={"minute": "50"},
        run=activities_sync_all,
        order=60,
    )
)
