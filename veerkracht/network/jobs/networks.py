"""Regional networks: every night the goals linked to a monitor figure are counted again, so the
network pages read a fresh value without counting during a visit."""

from __future__ import annotations

from veerkracht.core.schedule import Scheduled, register

from ..services.networks import goals_refresh

register(
    Scheduled(
        key="network.goals_refresh",
        what="Networks: count again the goals that follow a monitor figure",
        when="every night at 04:20",
        cron={"minute": "20", "hour": "4"},
        run=goals_refresh,
        lock_ttl=3600,
        order=70,
    )
)
