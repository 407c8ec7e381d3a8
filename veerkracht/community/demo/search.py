"""The search index for the demo: rebuilt last, after everything else of the demo is in (bulk inserts
skip the signals that keep the index up to date)."""

from __future__ import annotations


def load(region) -> list[str]:
    from ..services.search import search_rebuild

    counts = search_rebuild(region=region)
    return [f"Zoekindex: {sum(counts.values())} dingen te vinden"]
