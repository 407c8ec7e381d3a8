"""Where features of this app connect to the enrolment signals (signals.py): one import per feature
that listens (the budget commits and spends, certificates are issued on completion)."""

from __future__ import annotations

from .services import budget as _budget  # noqa: F401  (commits, releases and spends seats)
