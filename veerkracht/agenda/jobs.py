"""The agenda's scheduled jobs (core/schedule.py): reminders the day before, the waiting list's ended
offers, and the evaluation mail after an event. Each is safe to run twice, late or at the same time."""

from __future__ import annotations

from veerkracht.core.schedule import Scheduled, register

from .services.calendars import reminders_send
from .services.evaluations import evaluations_send
from .services.registrations import offers_expire

register(
    Scheduled(
        key="agenda.offers_expire",
        what="Agenda: end waiting-list offers whose time ran out and offer the place to the next",
        when="every 10 minutes",
        cron={"minute": "*/10"},
        run=offers_expire,
        lock_ttl=600,
        order=40,
    )
)
register(
    Scheduled(
        key="agenda.reminders",
        what="Agenda: e-mail a reminder to everyone registered, the day before the event",
        when="hourly at :05",
        cron={"minute": "5"},
        run=reminders_send,
        order=41,
    )
)
register(
    Scheduled(
        key="agenda.evaluations",
        what="Agenda: e-mail the short evaluation to attendees a few hours after the event",
        when="hourly at :35",
        cron={"minute": "35"},
        run=evaluations_send,
        order=42,
    )
)
