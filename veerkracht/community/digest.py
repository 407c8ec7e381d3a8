"""What the monthly newsletter is put together from: each feature adds a section here.

A section is a function ``(region, since, until) -> list[DigestItem]``: what is new or coming up in
that window (stories published, sessions coming up per subregion, initiatives that need help,
questions waiting for an answer). The newsletter's editor starts from these items, then reorders,
removes and writes the introduction. Hidden or unpublished things never appear.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.functional import Promise


@dataclass(frozen=True)
class DigestItem:
    kind: str  # the section's key: "story", "session", "initiative", "question"
    title: str
    url: str  # path on this site ("/verhalen/12/"); the mail makes it absolute
    text: str = ""  # one or two plain-language lines
    when: date | datetime | None = None
    subregion: str = ""  # subregion key; empty for the whole region
    themes: int = 0  # bit set of core.vocabulary.THEMES, for the subscribers' topics


@dataclass(frozen=True)
class Section:
    key: str
    heading: str | Promise
    find: Callable[..., list[DigestItem]]  # (region, since, until) -> items, newest or soonest first
    order: int = 100


SECTIONS: list[Section] = []


def register(section: Section) -> Section:
    if any(known.key == section.key for known in SECTIONS):
        raise ValueError(f"two digest sections are called {section.key}")
    SECTIONS.append(section)
    SECTIONS.sort(key=lambda item: (item.order, item.key))
    return section
