"""Where features of this app connect to the enrolment signals (signals.py): one import per feature
that listens (the budget commits and spends, certificates are issued on completion)."""

from __future__ import annotations

from veerkracht.agenda.services.attendees import attendee_checked_in

# The e-learning's completion requirement registers itself when its selectors load.
from .selectors import elearning as _elearning  # noqa: F401
from .services import budget as _budget  # noqa: F401  (commits, releases and spends seats)
from .services import certificates, intervision  # noqa: F401  (their @receiver functions)
from .services.enrolments import on_attendee_checked_in

# Enrolments: a check-in at a cohort's meeting may complete a course.
attendee_checked_in.connect(on_attendee_checked_in, dispatch_uid="learning.enrolments.checked_in")
