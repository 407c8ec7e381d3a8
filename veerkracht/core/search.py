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
    # Other models whose writes change this kind's documents: ("app_label.ModelName", (obj) -> the
    # objects of this kind to index again), e.g. a partner page's settings for the organisation.
    follows: tuple[tuple[str, Callable[..., Iterable]], ...] = ()


_sources: Registry[Source] = Registry("searchable", "search sources")
register = _sources.register


def sources() -> list[Source]:
    return _sources.all()


# --- The engine: the app that keeps the index (the community app) plugs in here ------------------

_engine: dict[str, Callable] = {}


def set_matcher(matcher: Callable[..., object]) -> None:
    """Installed by the app that keeps the index: ``(kind, region, text)`` -> a query of the matching
    objects' primary keys (``values("object_id")``), or None when the text holds no word to look for."""
    _engine["matcher"] = matcher


def matching_ids(kind: str, region, text: str):
    """The primary keys of the objects of `kind` in `region` whose words match `text`, as a subquery
    for ``pk__in``; None when there is no index or the text holds no word to look for (then do not
    filter on the words)."""
    matcher = _engine.get("matcher")
    if matcher is None:
        return None
    return matcher(kind, region, text)
