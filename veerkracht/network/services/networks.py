"""Writes of regional networks: staff create networks and name a coordinator; staff and the coordinator
keep the network's area, members and goals, and enter progress by hand. Linked goals are counted again
at most once a day (``goals_refresh``, the nightly job) and when a goal is made or changed; a page only
reads the stored value.

A goal keeps its latest value and since when it has been at or over its target (``reached_on``), so
the pages and the monitor read the goal's own row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.audit import log_action
from veerkracht.regions.models import Municipality, Region, Subregion

from ..models import Goal, GoalProgress, RegionalNetwork
from ..selectors import networks as selectors


def _check_area(region: Region, subregion: Subregion | None, municipalities, members) -> None:
    if subregion is not None and subregion.region_id != region.pk:
        raise ValidationError({"subregion": _("Kies een deel van deze regio.")})
    if any(m.region_id != region.pk for m in municipalities):
        raise ValidationError({"municipalities": _("Kies gemeenten in deze regio.")})
    if any(o.region_id != region.pk for o in members):
        raise ValidationError({"members": _("Kies organisaties in deze regio.")})


def _save_network(network: RegionalNetwork, municipalities, members) -> RegionalNetwork:
    if selectors.slug_taken(network.region, network.slug, exclude=network.pk):
        raise ValidationError({"slug": _("Er is al een netwerk met deze korte naam.")})
    network.full_clean(exclude=["region"])
    network.save()
    network.municipalities.set(municipalities)
    network.members.set(members)
    return network


@transaction.atomic
def network_create(
    *,
    region: Region,
    name: str,
    slug: str,
    starts_on: date,
    description: str = "",
    subregion: Subregion | None = None,
    municipalities: Iterable[Municipality] = (),
    members: Iterable[Organisation] = (),
    coordinator=None,
    by=None,
) -> RegionalNetwork:
    municipalities, members = list(municipalities), list(members)
    _check_area(region, subregion, municipalities, members)
    network = RegionalNetwork(
        region=region,
        name=name.strip(),
        slug=slug.strip().lower(),
        description=description.strip(),
        subregion=subregion,
        starts_on=starts_on,
        coordinator=coordinator,
    )
    _save_network(network, municipalities, members)
    log_action("network.network.created", actor=by, subject=network, person=coordinator)
    return network


NETWORK_FIELDS = ("name", "slug", "description", "subregion", "starts_on", "coordinator")


@transaction.atomic
def network_update(
    *, network: RegionalNetwork, municipalities=None, members=None, by=None, **changes
) -> RegionalNetwork:
    """Change what is given; `coordinator` only when passed (staff)."""
    network = RegionalNetwork.objects.select_for_update().get(pk=network.pk)
    unknown = set(changes) - set(NETWORK_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    old_coordinator = network.coordinator_id
    for field, value in changes.items():
        setattr(network, field, value.strip() if isinstance(value, str) else value)
    network.slug = network.slug.lower()
    municipalities = list(network.municipalities.all() if municipalities is None else municipalities)
    members = list(network.members.all() if members is None else members)
    _check_area(network.region, network.subregion, municipalities, members)
    _save_network(network, municipalities, members)
    log_action("network.network.changed", actor=by, subject=network)
    if network.coordinator_id != old_coordinator:
        log_action("network.network.coordinator", actor=by, subject=network, person=network.coordinator)
    return network


def _check_goal(goal: Goal) -> None:
    if goal.owner is not None and not goal.network.members.filter(pk=goal.owner.pk).exists():
        raise ValidationError({"owner": _("Kies een organisatie die meedoet in het netwerk.")})
    if goal.source and selectors.parse_source(goal.source) is None:
        raise ValidationError({"source": _("Kies een cijfer uit de lijst.")})
    goal.full_clean()


GOAL_FIELDS = (
    "title",
    "description",
    "target",
    "unit",
    "baseline",
    "starts_on",
    "deadline",
    "owner",
    "source",
)


@transaction.atomic
def goal_create(*, network: RegionalNetwork, by=None, **fields) -> Goal:
    unknown = set(fields) - set(GOAL_FIELDS) - {"order"}
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    network = RegionalNetwork.objects.select_for_update().get(pk=network.pk)
    if "order" not in fields:
        fields["order"] = network.goals.count() + 1
    goal = Goal(network=network, **{k: v.strip() if isinstance(v, str) else v for k, v in fields.items()})
    _check_goal(goal)
    goal.save()
    _recount(goal)
    log_action("network.goal.created", actor=by, subject=network, data={"goal": goal.pk})
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, by=None, **changes) -> Goal:
    unknown = set(changes) - set(GOAL_FIELDS) - {"order"}
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    goal = Goal.objects.select_for_update().select_related("network__region").get(pk=goal.pk)
    for field, value in changes.items():
        setattr(goal, field, value.strip() if isinstance(value, str) else value)
    _check_goal(goal)
    goal.save()
    _recount(goal)
    log_action("network.goal.changed", actor=by, subject=goal.network, data={"goal": goal.pk})
    return goal


def _recount(goal: Goal, *, today: date | None = None) -> None:
    """The goal's value and `reached_on` again: from the entries by hand, or counted from its indicator."""
    today = today or timezone.localdate()
    if goal.is_linked:
        value = selectors.measured_value(goal)
        goal.value, goal.value_on = value, today
        goal.reached_on = (goal.reached_on or today) if goal.is_reached_with(value) else None
    else:
        goal.value = goal.value_on = goal.reached_on = None
        # Walk the entries in date order: reached since the first entry at or over the target that no
        # later, lower entry undid.
        for entry in selectors.manual_entries(goal):
            goal.value, goal.value_on = entry.value, entry.on
            if not goal.is_reached_with(entry.value):
                goal.reached_on = None
            elif goal.reached_on is None:
                goal.reached_on = entry.on
    goal.save(update_fields=["value", "value_on", "reached_on", "updated_at"])


@transaction.atomic
def goal_progress_add(*, goal: Goal, value: int, note: str, on: date | None = None, by=None) -> GoalProgress:
    """A value entered by hand (a linked goal counts itself)."""
    goal = Goal.objects.select_for_update().get(pk=goal.pk)  # a double submit waits here
    if goal.is_linked:
        raise ValidationError(_("Dit doel telt zichzelf; je kunt geen stand invullen."))
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"on": _("De datum kan niet in de toekomst liggen.")})
    same = GoalProgress.objects.filter(
        goal=goal, value=value, on=on, note=note.strip(), entered_by=by
    ).first()
    if same is not None:
        return same
    entry = GoalProgress(goal=goal, value=value, note=note.strip(), on=on, entered_by=by)
    entry.full_clean()
    entry.save()
    _recount(goal)
    return entry


def goals_refresh(*, network: RegionalNetwork | None = None, today: date | None = None) -> int:
    """Count again the linked goals not counted today (of one network, or all); each in its own short
    transaction, so a page or the job never holds a lock for long. Returns how many were counted."""
    today = today or timezone.localdate()
    counted = 0
    for goal in selectors.stale_linked_goals(network, today):
        with transaction.atomic():
            locked = Goal.objects.select_for_update().select_related("network__region").get(pk=goal.pk)
            if locked.value_on == today:  # counted by someone else meanwhile
                continue
            _recount(locked, today=today)
            counted += 1
    return counted
