"""What the learning app holds about a person (core/personal_data.py).

Quiz answers, lesson progress and reflections belong to the learner: they are in "download my data"
and go with the account. Each feature has its own module here with a ``PART = Part(...)``; this package
finds them all and registers them as one declaration for the app. Parts erase in reverse order of their
``order`` (so a feature that refers to enrolments erases before enrolments do).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from veerkracht.core.personal_data import Line, PersonalData, register


@dataclass(frozen=True)
class Part:
    models: tuple[str, ...]
    export: Callable[[object], Mapping[str, object]]
    erase: Callable[[object], None]
    summary: Callable[[object], Iterable[Line]]
    not_personal: Mapping[str, str] = field(default_factory=dict)
    order: int = 50


def _parts() -> list[Part]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        part = getattr(module, "PART", None)
        if part is not None:
            found.append(part)
    return sorted(found, key=lambda part: part.order)


PARTS = _parts()


def _export(user) -> dict:
    result: dict = {}
    for part in PARTS:
        result.update(part.export(user))
    return result


def _erase(user) -> None:
    for part in reversed(PARTS):
        part.erase(user)


def _summary(user) -> list[Line]:
    return [line for part in PARTS for line in part.summary(user)]


register(
    PersonalData(
        app="learning",
        models=tuple(label for part in PARTS for label in part.models),
        export=_export,
        erase=_erase,
        summary=_summary,
        not_personal={label: why for part in PARTS for label, why in part.not_personal.items()},
    )
)
