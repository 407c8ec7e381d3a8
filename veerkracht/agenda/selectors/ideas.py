"""Reads for the ideas that came out of an event."""

from __future__ import annotations

from ..models import Event, Idea


def ideas_of(event: Event) -> list[Idea]:
    return list(Idea.objects.filter(event=event))
