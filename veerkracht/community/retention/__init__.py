"""How long the community app keeps what (core/retention.py), one module per feature."""

from __future__ import annotations

from . import newsletter, questions

__all__ = ["newsletter", "questions"]
