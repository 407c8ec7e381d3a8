"""Demo data of the community app (``load(region) -> list[str]``, idempotent). Each feature adds a block;
the search index is rebuilt last, after everything else of the demo is in."""

from __future__ import annotations

# --- search (keep last: indexes what the other apps' and features' demos made) ---


def _search(region) -> list[str]:
    from .services.search import search_rebuild

    counts = search_rebuild(region=region)
    return [f"Zoekindex: {sum(counts.values())} dingen te vinden"]


# --- end search ---


def load(region) -> list[str]:
    lines: list[str] = []
    lines += _search(region)  # --- search: keep last ---
    return lines
