"""What the network app holds about a person (core/personal_data.py).

Applications, activities and the checklist belong to the ambassador: they are in "download my data"
and go with the account. Each feature has its own module here with a ``PART = Part(...)``; this package
finds them all and registers them as one declaration for the app. Parts erase in reverse order of their
``order`` (so activities erase before the ambassador they belong to).
"""

from __future__ import annotations

import importlib
import pkgutil

from veerkracht.core.personal_data import Part, register_parts

__all__ = ["PARTS", "Part"]


def _parts() -> list[Part]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        part = getattr(importlib.import_module(f"{__name__}.{info.name}"), "PART", None)
        if part is not None:
            found.append(part)
    return found


PARTS = _parts()
register_parts("network", PARTS)
