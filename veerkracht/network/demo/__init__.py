"""Demo data of the network app for `make run`: one module per feature, each with an idempotent
``load(region) -> list[str]`` (the lines to print; nothing when its rows are already there) and an
``ORDER`` (lower runs first: ambassadors before their activities)."""

from __future__ import annotations

from veerkracht.core.extensions import feature_demo
from veerkracht.regions.models import Region


def load(region: Region) -> list[str]:
    return feature_demo(__name__, __path__, region)
