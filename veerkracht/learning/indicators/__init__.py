"""The learning app's monitor figures (core/indicators.py): one module per feature, registered on import."""

from __future__ import annotations

import importlib
import pkgutil

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import register_group

SOURCE = _("Scholing in Veerkracht")
GROUP = "learning"

register_group(GROUP, _("Scholing"))

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
