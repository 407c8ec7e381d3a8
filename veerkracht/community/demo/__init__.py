"""Demo data of the community app for `make run`: one module per feature, each with an idempotent
`load(region) -> list[str]` (the lines to print; nothing when its rows are already there)."""

from __future__ import annotations

from veerkracht.regions.models import Region

from . import groups, library, news, newsletter, questions, search, stories

LOADERS = (stories.load, news.load, library.load, questions.load, groups.load, newsletter.load, search.load)


def load(region: Region) -> list[str]:
    lines: list[str] = []
    for loader in LOADERS:
        lines += loader(region)
    return lines
