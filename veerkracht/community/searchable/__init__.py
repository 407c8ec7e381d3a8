"""What one search over the site can find in the community app (core/search.py): one module per
feature, each registering its kinds. Groups are never searchable: they are closed."""

from __future__ import annotations

from . import library, news, questions, stories

__all__ = ["library", "news", "questions", "stories"]
