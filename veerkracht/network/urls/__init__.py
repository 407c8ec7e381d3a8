"""The network app's pages, one module per feature, all in the "network" namespace under /netwerk/."""

from __future__ import annotations

import importlib
import pkgutil

app_name = "network"
urlpatterns: list = []
for _info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
    urlpatterns += importlib.import_module(f"{__name__}.{_info.name}").urlpatterns
