"""One search over the site: an extension point for what can be found.

Every app that has public things to find ships a ``searchable.py`` that registers a ``Source`` per
kind of thing (initiatives, offers, sessions, stories …). A Source turns one object into a
``Document`` (or None when it must not be found: not public, hidden, withdrawn). The index itself —
the database's own full-text search, kept up to date on every write — lives in the community app,
which reads the sources through this registry; neither core nor the community app imports the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.functional import Promise

from .extensions import Registry


@dataclass(frozen=True)
class Document:
    """What the index keeps of one object: enough to find it and to show it in a list of results."""

    title: str
    body: str  # plain text, no HTML; the words to find it by
    url: str
    date: date | datetime | None = None
    summary: str = ""  # one or two lines shown under the title
    municipality_code: str = ""  # CBS code ("GM0935"), empty for the whole region
    subregion: str = ""  # subregion key, empty for the whole region
    dimensions: int = 0  # bit set of core.vocabulary.DIMENSIONS
    themes: int = 0  # bit set of core.vocabulary.THEMES
    image_url: str = ""
    extra: dict = field(default_factory=dict)  # kind-specific filters (level, interpretation …)


@dataclass(frozen=True)
class Source:
    key: str  # the kind of thing, stable: "initiative", "story", "session" …
    label: str | Promise  # plural, for the result groups: "Initiatieven"
    model: str  # "app_label.ModelName": the index follows this model's saves and deletes
    document: Callable[..., Document | None]  # (obj) -> Document, or None when it must not be found
    objects: Callable[..., Iterable]  # (region) -> every object of this kind, to (re)build the index
    region_of: Callable[..., object]  # (obj) -> the object's region
    order: int = 100


_sources: Registry[Source] = Registry("searchable", "search sources")
register = _sources.register


def sources() -> list[Source]:
    return _sources.all()
