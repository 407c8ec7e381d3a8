"""Extension points: an app plugs into the platform by shipping a module with a known name.

| module                 | what it adds                                        | who reads it            |
|------------------------|-----------------------------------------------------|-------------------------|
| ``apps.py`` nav_items  | entries in the main menu                            | ``core.navigation``     |
| ``demo.py`` load()     | demo data for ``make run``                          | ``core.extensions``     |
| ``indicators.py``      | monitor indicators and breakdowns                   | ``core.indicators``     |
| ``personal_data.py``   | which models hold data about a person; export/erase | ``core.personal_data``  |
| ``retention.py``       | how long what is kept, and the rule that deletes it | ``core.retention``      |
| ``nearby.py``          | what could help nearby for one part of health       | ``core.nearby``         |

Neither core nor the monitor imports an app: they find these modules among the installed apps, in the
order of INSTALLED_APPS, so an app that is not installed simply adds nothing.
"""

from __future__ import annotations

import importlib
from types import ModuleType

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


def load_demo(region) -> list[str]:
    """Run each app's ``demo.load(region)`` (idempotent) and return the lines they want printed."""
    lines: list[str] = []
    for module in app_modules("demo"):
        lines += module.load(region)
    return lines
