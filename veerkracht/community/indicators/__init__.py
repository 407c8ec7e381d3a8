"""The community's monitor figures (core/indicators.py): one module per feature, registered on import."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import register_group

SOURCE = _("Samen leren in Veerkracht")
GROUP = "community"

register_group(GROUP, _("Samen leren"))

from . import library, newsletter, questions, stories  # noqa: E402  (they use SOURCE and GROUP)

__all__ = ["GROUP", "SOURCE", "library", "newsletter", "questions", "stories"]
