"""The community's background jobs (Huey tasks) and scheduled jobs (core/schedule.py), one module per
feature; every job is safe to run twice, late or at the same time."""

from __future__ import annotations

from . import files, news, newsletter, questions

__all__ = ["files", "news", "newsletter", "questions"]
