"""Where features of this app connect to the enrolment signals (signals.py): one import per feature
that listens (the budget commits and spends, certificates are issued on completion)."""

from __future__ import annotations

# The e-learning's completion requirement registers itself when its selectors load.
from .selectors import elearning as _elearning  # noqa: F401
from .services import budget as _budget  # noqa: F401  (commits, releases and spends seats)
from .services import certificates, intervision  # noqa: F401  (their @receiver functions)
