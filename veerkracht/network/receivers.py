"""Signal receivers of the network app, one module per feature under ``receivers_*``: imported on ready."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

for _info in pkgutil.iter_modules([str(Path(__file__).parent)]):
    if _info.name.startswith("receivers_"):
        importlib.import_module(f"{__package__}.{_info.name}")
