"""Demo data of the network app for `make run`: one module per feature, each with an idempotent
``load(region) -> list[str]`` (the lines to print; nothing when its rows are already there) and an
``ORDER`` (lower runs first: ambassadors before their activities)."""

from __future__ import annotations

import importlib
import pkgutil

from veerkracht.regions.models import Region


def _loaders() -> list:
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return [module.load for module in sorted(modules, key=lambda module: getattr(module, "ORDER", 50))]


def load(region: Region) -> list[str]:
    lines: list[str] = []
    for loader in _loaders():
        lines += loader(region)
    return lines
