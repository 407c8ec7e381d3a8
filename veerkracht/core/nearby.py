"""What could help nearby: an extension point for "Uitzicht", the last step of the spider web.

After the reflection a resident has chosen the part of health they want to work on. The spider web
asks every app that ships a ``nearby.py`` for things close to them that fit that part: initiatives and
offers from the action centre, sessions from the agenda once it exists. Neither core nor the spider web
imports those apps; each registers a Source here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from .extensions import Registry


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    text: str = ""  # one line about it
    where: str = ""  # the municipality, or "in de hele regio"


@dataclass(frozen=True)
class Source:
    key: str
    heading: str | Promise  # "Initiatieven in de buurt"
    # (region, municipality or None, dimension key, limit) -> the closest first
    find: Callable[..., list[Suggestion]]
    # (region, municipality or None, dimension key) -> the app's own list with the same filter
    more_url: Callable[..., str]
    more_label: str | Promise
    order: int = 100


@dataclass(frozen=True)
class Found:
    source: Source
    suggestions: list[Suggestion]
    more_url: str


_sources: Registry[Source] = Registry("nearby", "nearby sources")
register = _sources.register


def sources() -> list[Source]:
    return _sources.all()


def find_nearby(*, region, municipality, dimension: str, limit: int = 3) -> list[Found]:
    """Per source, up to `limit` suggestions for this part of health, the nearest first."""
    if region is None:
        return []
    return [
        Found(
            source=source,
            suggestions=source.find(region, municipality, dimension, limit),
            more_url=source.more_url(region, municipality, dimension),
        )
        for source in sources()
    ]
