"""How a goal is shown: its progress in per cent and a status in plain words.

- "gehaald": the value is at or over the target;
- "deadline voorbij, niet gehaald": the deadline has passed and the target was not reached;
- "op koers": the share of the way from the baseline to the target is at least the share of the time
  from the start to the deadline that has passed (half the time gone, at least half the way done);
- "loopt achter": otherwise.

A goal that counts people (an indicator about residents) shows small numbers as "minder dan 10", as
the monitor does: the page is public.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from ..models import Goal, RegionalNetwork
from ..selectors.networks import parse_source, source_label

REACHED, ON_TRACK, BEHIND, MISSED = "reached", "on_track", "behind", "missed"
STATUS_LABELS = {
    REACHED: _("gehaald"),
    ON_TRACK: _("op koers"),
    BEHIND: _("loopt achter"),
    MISSED: _("deadline voorbij, niet gehaald"),
}
SMALL = 10


def goal_status(goal: Goal, today: date) -> str:
    if goal.is_reached_with(goal.value):
        return REACHED
    if today > goal.deadline:
        return MISSED
    return ON_TRACK if goal.progress_share() >= goal.elapsed_share(today) else BEHIND


@dataclass(frozen=True)
class GoalView:
    goal: Goal
    status: str
    status_label: str
    percent: int  # of the way from the baseline to the target
    time_percent: int  # of the time from the start to the deadline
    value_text: str
    measure: str  # what a linked goal counts, in words; "" for progress by hand


def _value_text(goal: Goal, about_people: bool) -> str:
    if goal.value is None:
        return str(_("nog niets ingevuld"))
    if about_people and goal.value < SMALL:
        return str(_("minder dan %(small)s") % {"small": SMALL})
    return str(goal.value)


def goal_view(goal: Goal, today: date) -> GoalView:
    status = goal_status(goal, today)
    measure = parse_source(goal.source) if goal.source else None
    return GoalView(
        goal=goal,
        status=status,
        status_label=str(STATUS_LABELS[status]),
        percent=round(goal.progress_share() * 100),
        time_percent=round(goal.elapsed_share(today) * 100),
        value_text=_value_text(goal, bool(measure and measure.indicator.about_residents)),
        measure=source_label(goal.source) if goal.source else "",
    )


@dataclass(frozen=True)
class NetworkSummary:
    network: RegionalNetwork
    reached: int
    total: int


def network_summary(network: RegionalNetwork) -> NetworkSummary:
    """Goals reached of all goals (uses the prefetched goals)."""
    goals = list(network.goals.all())
    return NetworkSummary(network, sum(1 for g in goals if g.is_reached_with(g.value)), len(goals))
