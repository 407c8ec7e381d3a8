"""Community: one module per feature (bench/community_<feature>.py), each with `run() -> list[dict]`."""

from __future__ import annotations

from bench import community_newsletter, community_search, community_stories


def run() -> list[dict]:
    results: list[dict] = []
    for feature in (community_stories, community_newsletter, community_search):
        results += feature.run()
    return results
