"""What the network app holds about a person (core/personal_data.py).

Applications, activities and the checklist belong to the ambassador: they are in "download my data"
and go with the account. Each feature has its own module here with a ``PART = Part(...)``; this package
finds them all and registers them as one declaration for the app. Parts erase in reverse order of their
``order`` (so activities erase before the ambassador they belong to).
"""

from __future__ import annotations

from veerkracht.core.extensions import feature_parts
from veerkracht.core.personal_data import Part, register_parts

__all__ = ["PARTS", "Part"]

PARTS = feature_parts(__name__, __path__)
register_parts("network", PARTS)
