"""The network app's monitor figures (core/indicators.py): one module per feature, registered on import."""

from __future__ import annotations

import importlib
import pkgutil

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import register_group

SOURCE = _("Netwerk in Veerkracht")
GROUP = "network"

register_group(GROUP, _("Netwerk"))

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
