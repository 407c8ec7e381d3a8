"""What regional networks hold about a person: who coordinates a network, and who entered progress on a
goal. Both are about the network's work, not about the person: when the account goes, the network,
its goals and the entries stay, without the name (the coordinator and the "entered by" are emptied, and
their name and addresses come out of the notes they wrote and of the description of a network they
coordinated).
Goals belong to organisations, never to a person.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from veerkracht.accounts.selectors import identity_of
from veerkracht.core.personal_data import KEPT, Line, scrub_rows

from ..models import GoalProgress, RegionalNetwork
from . import Part


def _export(user) -> dict:
    networks = RegionalNetwork.objects.filter(coordinator=user).order_by("name")
    entries = (
        GoalProgress.objects.filter(entered_by=user).select_related("goal__network").order_by("on", "pk")
    )
    return {
        "network_networks": {
            "networks_coordinated": [network.name for network in networks],
            "goal_progress_entered": [
                {
                    "network": entry.goal.network.name,
                    "goal": entry.goal.title,
                    "date": entry.on.isoformat(),
                    "value": entry.value,
                    "note": entry.note,
                }
                for entry in entries
            ],
        }
    }


def _erase(user) -> None:
    identity = identity_of(user)
    entries = GoalProgress.objects.filter(entered_by=user)
    scrub_rows(entries, identity)  # a note may name the person who wrote it
    entries.update(entered_by=None)
    networks = RegionalNetwork.objects.filter(coordinator=user)
    scrub_rows(networks, identity, skip=("name",))
    networks.update(coordinator=None)


def _summary(user) -> list[Line]:
    lines = []
    if RegionalNetwork.objects.filter(coordinator=user).exists():
        lines.append(Line(KEPT, _("Netwerken die je coördineerde blijven bestaan, zonder je naam.")))
    if GoalProgress.objects.filter(entered_by=user).exists():
        lines.append(
            Line(KEPT, _("De stand die je bij doelen van een netwerk invulde, blijft, zonder je naam."))
        )
    return lines


PART = Part(
    models=("network.RegionalNetwork", "network.GoalProgress"),
    export=_export,
    erase=_erase,
    summary=_summary,
    not_personal={"network.Goal": "a network's goal; its owner is an organisation"},
    order=70,
)
