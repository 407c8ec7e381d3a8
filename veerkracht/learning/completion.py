"""What it takes to complete a course, as a list of requirements each feature contributes.

A feature registers a function ``(enrolment) -> Requirement | None`` (None: this feature asks nothing of
this course, e.g. no e-learning). services/enrolments.py completes an enrolment when every requirement
is done; features call ``enrolment_check_completion`` (services/enrolments.py) after whatever may have
finished a part (a quiz passed, a check-in at a meeting). The learner's course page lists the same
requirements, so what they see is what is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Requirement:
    key: str  # "elearning", "meetings"
    label: str  # plain Dutch: "E-learning gehaald", "3 van de 4 bijeenkomsten bijgewoond"
    done: bool
    progress: str = ""  # plain Dutch, e.g. "2 van de 3 bijeenkomsten"


Check = Callable[[object], Requirement | None]
_checks: dict[str, Check] = {}


def register_requirement(key: str, check: Check) -> Check:
    _checks[key] = check
    return check


def requirements_for(enrolment) -> list[Requirement]:
    found = [check(enrolment) for check in _checks.values()]
    return [requirement for requirement in found if requirement is not None]


# --- Meetings attended (the enrolments feature) ----------------------------------------------------


def _meetings(enrolment) -> Requirement | None:
    """Enough of the cohort's meetings attended: check-ins in the agenda (registrations with this
    account and a check-in). Asked only of a course with ``min_meetings``."""
    from django.utils.translation import gettext as _

    from veerkracht.agenda.selectors.registrations import checked_in_count

    needed = enrolment.cohort.course.min_meetings
    if not needed:
        return None
    meeting_ids = [event.pk for event in enrolment.cohort.meetings.all()]
    attended = checked_in_count(enrolment.user, meeting_ids)
    total = max(len(meeting_ids), needed)
    return Requirement(
        key="meetings",
        label=_("Minstens %(needed)s van de %(total)s bijeenkomsten bijgewoond")
        % {"needed": needed, "total": total},
        done=attended >= needed,
        progress=_("%(attended)s van de %(needed)s bijeenkomsten bijgewoond")
        % {"attended": attended, "needed": needed},
    )


register_requirement("meetings", _meetings)
