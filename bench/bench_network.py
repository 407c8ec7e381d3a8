"""Network: one module per feature (bench/network_<feature>.py), each with `run() -> list[dict]`."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def run() -> list[dict]:
    results: list[dict] = []
    here = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda i: i.name):
        if info.name.startswith("network_"):
            results += importlib.import_module(f"bench.{info.name}").run()
    return results
