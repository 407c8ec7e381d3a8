"""Extension points: an app plugs into the platform by shipping a module with a known name.

| module                 | what it adds                                        | who reads it            |
|------------------------|-----------------------------------------------------|-------------------------|
| ``apps.py`` nav_items  | entries in the main menu                            | ``core.navigation``     |
| ``demo.py`` load()     | demo data for ``make run``                          | ``core.extensions``     |
| ``indicators.py``      | monitor indicators and breakdowns                   | ``core.indicators``     |
| ``personal_data.py``   | which models hold data about a person; export/erase | ``core.personal_data``  |
| ``retention.py``       | how long what is kept, and the rule that deletes it | ``core.retention``      |
| ``nearby.py``          | what could help nearby for one part of health       | ``core.nearby``         |
| ``jobs.py``            | background jobs and scheduled jobs                  | ``core.schedule``       |
| ``searchable.py``      | what one search over the site can find              | ``core.search``         |
| ``sitemaps.py``        | its public pages in sitemap.xml (``sitemaps`` dict)  | ``core.sitemaps``       |

Neither core nor the monitor imports an app: they find these modules among the installed apps, in the
order of INSTALLED_APPS, so an app that is not installed simply adds nothing.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Generic, Protocol, TypeVar

from django.apps import apps

PROJECT_PACKAGE = "veerkracht."


def app_modules(name: str) -> list[ModuleType]:
    """`<app>.<name>` of every installed project app that has one, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith(PROJECT_PACKAGE):
            continue
        try:
            found.append(importlib.import_module(f"{config.name}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise  # the module exists but imports something missing: a real error
    return found


def feature_modules(package: str, path: list[str]) -> list[ModuleType]:
    """Every module of an app's per-feature package (``demo/``, ``personal_data/``, ``jobs/``...), by name.

    A package calls it from its ``__init__`` with its own ``__name__`` and ``__path__``: each feature
    adds a module and no shared file changes."""
    return [importlib.import_module(f"{package}.{info.name}") for info in sorted(pkgutil.iter_modules(path))]


def feature_parts(package: str, path: list[str]) -> list:
    """The ``PART`` of every module of a per-feature ``personal_data`` package that has one."""
    parts = (getattr(module, "PART", None) for module in feature_modules(package, path))
    return [part for part in parts if part is not None]


def feature_demo(package: str, path: list[str], region) -> list[str]:
    """Run the ``load(region)`` of every module of a per-feature ``demo`` package, lowest ``ORDER``
    first (50 when a module has none), and return the lines they want printed."""
    modules = sorted(feature_modules(package, path), key=lambda module: getattr(module, "ORDER", 50))
    lines: list[str] = []
    for module in modules:
        lines += module.load(region)
    return lines


def load_demo(region) -> list[str]:
    """Run each app's ``demo.load(region)`` (idempotent) and return the lines they want printed. No
    mail goes out meanwhile: the demo's people are made up."""
    from .mail import mail_muted

    lines: list[str] = []
    with mail_muted():
        for module in app_modules("demo"):
            lines += module.load(region)
    return lines


class _Keyed(Protocol):
    key: str
    order: int


T = TypeVar("T", bound=_Keyed)


class Registry(Generic[T]):
    """Things apps register from their ``<module>.py`` under a unique ``key`` (retention rules, nearby
    sources). The apps' modules are imported on first use; ``all()`` lists by ``order``, then ``key``."""

    def __init__(self, module: str, what: str) -> None:
        self.module = module
        self.what = what
        self.items: dict[str, T] = {}
        self._discovered = False

    def register(self, item: T) -> T:
        known = self.items.get(item.key)
        if known is not None and known is not item:
            raise ValueError(f"two {self.what} are called {item.key}")
        self.items[item.key] = item
        return item

    def all(self) -> list[T]:
        if not self._discovered:  # once per process
            app_modules(self.module)
            self._discovered = True
        return sorted(self.items.values(), key=lambda item: (item.order, item.key))
