"""Reads of regional networks: the region's overview, a network's page, and the figures a linked goal
counts.

A linked goal reads the monitor's registry (core/indicators.py), never another app: the indicator's
rows for the network's municipalities, from the goal's start until now (a stock indicator: its state
now). A network without an area counts the whole region, rows without a municipality included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from veerkracht.accounts.models import Organisation, User
from veerkracht.core.indicators import COUNT, Indicator, Window, breakdowns, get_indicator, indicators
from veerkracht.regions.models import Municipality, Region, Subregion

from ..models import Goal, GoalProgress, RegionalNetwork

# This app's own figure about goals is no measure for a goal.
OWN_INDICATORS = ("network_goals_reached",)


@dataclass(frozen=True)
class Measure:
    indicator: Indicator
    breakdown: str = ""
    category: str = ""


def parse_source(source: str) -> Measure | None:
    """ "key" or "key:breakdown=category" → the measure, or None when it is not (or no longer) there."""
    key, _sep, narrow = source.partition(":")
    indicator = get_indicator(key)
    if (
        indicator is None
        or indicator.aggregate != COUNT
        or indicator.rows is None
        or indicator.about_residents
    ):
        return None
    if not narrow:
        return Measure(indicator)
    breakdown, _eq, category = narrow.partition("=")
    if breakdown not in indicator.breakdowns or not category:
        return None
    return Measure(indicator, breakdown, category)


def source_choices() -> list[tuple[str, str]]:
    """Every count indicator the monitor knows, and each category of its (public) breakdowns."""
    known = breakdowns()
    choices = []
    for indicator in indicators():
        if (
            indicator.aggregate != COUNT
            or indicator.rows is None
            or indicator.key in OWN_INDICATORS
            or indicator.about_residents  # counts of residents stay behind the monitor's small-number rules
        ):
            continue
        choices.append((indicator.key, str(indicator.name)))
        for key in indicator.breakdowns:
            breakdown = known.get(key)
            if breakdown is None or breakdown.analyst_only:
                continue
            for value, label in breakdown.categories():
                choices.append(
                    (f"{indicator.key}:{key}={value}", f"{indicator.name}: {breakdown.label} {label}")
                )
    return choices


def source_label(source: str) -> str:
    """What a linked goal counts, in words ("Initiatieven: fase versnellen"); "" when not linked."""
    measure = parse_source(source)
    if measure is None:
        return ""
    if not measure.breakdown:
        return str(measure.indicator.name)
    breakdown = breakdowns()[measure.breakdown]
    category = dict(breakdown.categories()).get(measure.category, measure.category)
    return f"{measure.indicator.name}: {breakdown.label} {category}"


def network_codes(network: RegionalNetwork) -> set[str] | None:
    """The CBS codes of the network's area, or None for the whole region."""
    codes = set(network.municipalities.values_list("code", flat=True))
    if network.subregion_id is not None:
        codes |= set(
            Municipality.objects.filter(subregion_id=network.subregion_id).values_list("code", flat=True)
        )
    elif not codes:
        return None
    return codes


def measured_value(goal: Goal, *, now: datetime | None = None) -> int | None:
    """A linked goal's count now (None: its indicator is gone)."""
    measure = parse_source(goal.source)
    if measure is None:
        return None
    now = now or timezone.now()
    start = timezone.make_aware(datetime.combine(goal.starts_on, time.min))
    window = Window(region=goal.network.region, start=start, end=now, as_of=now)
    codes = network_codes(goal.network)
    total = 0
    for code, split in measure.indicator.rows(window):
        if codes is not None and code not in codes:
            continue
        if measure.breakdown and split.get(measure.breakdown) != measure.category:
            continue
        total += 1
    return total


def stale_linked_goals(network: RegionalNetwork | None, today: date) -> QuerySet[Goal]:
    """Linked goals not counted yet today (of one network, or all)."""
    goals = Goal.objects.exclude(source="").filter(Q(value_on__isnull=True) | Q(value_on__lt=today))
    if network is not None:
        goals = goals.filter(network=network)
    return goals.select_related("network__region").order_by("pk")


def manual_entries(goal: Goal) -> list[GoalProgress]:
    """A goal's entries by hand, oldest first."""
    return list(GoalProgress.objects.filter(goal=goal).order_by("on", "pk"))


# Pages


def networks_of(region: Region) -> list[RegionalNetwork]:
    """The overview: every network with its goals (for "reached of total") and its area's name."""
    return list(
        RegionalNetwork.objects.filter(region=region)
        .select_related("subregion")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.order_by("order", "deadline", "pk")))
        .annotate(member_count=Count("members", distinct=True))
        .order_by("name", "pk")
    )


@dataclass(frozen=True)
class NetworkPage:
    network: RegionalNetwork
    goals: list[Goal]
    members: list[Organisation]
    municipalities: list[Municipality]


def network_page(network: RegionalNetwork) -> NetworkPage:
    return NetworkPage(
        network=network,
        goals=list(network.goals.select_related("owner").order_by("order", "deadline", "pk")),
        members=list(network.members.order_by("name")),
        municipalities=list(network.municipalities.order_by("name")),
    )


def goal_entries(goal: Goal) -> list[GoalProgress]:
    """A goal's entries by hand, newest first, for its progress page."""
    return list(GoalProgress.objects.filter(goal=goal).select_related("entered_by__profile"))


def members_of(network: RegionalNetwork) -> QuerySet[Organisation]:
    return network.members.order_by("name")


def organisations_of(region: Region) -> QuerySet[Organisation]:
    return Organisation.objects.filter(region=region).order_by("name")


def subregions_of(region: Region) -> QuerySet[Subregion]:
    return Subregion.objects.filter(region=region).order_by("name")


def municipalities_of(region: Region) -> QuerySet[Municipality]:
    return Municipality.objects.filter(region=region).order_by("name")


def active_user_by_email(email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip(), is_active=True).first()


def slug_taken(region: Region, slug: str, *, exclude: int | None = None) -> bool:
    return RegionalNetwork.objects.filter(region=region, slug=slug).exclude(pk=exclude).exists()


def goals_reached_on(region: Region, day: date) -> list[str]:
    """For the monitor: the network (slug) of every goal that is reached on `day`."""
    return list(
        Goal.objects.filter(network__region=region, reached_on__lte=day).values_list(
            "network__slug", flat=True
        )
    )


def network_choices() -> list[tuple[str, str]]:
    return list(RegionalNetwork.objects.order_by("name").values_list("slug", "name").distinct())


def network_initial(network: RegionalNetwork) -> dict:
    """The edit form's values."""
    return {
        "name": network.name,
        "slug": network.slug,
        "description": network.description,
        "starts_on": network.starts_on,
        "subregion": network.subregion_id,
        "municipalities": list(network.municipalities.values_list("pk", flat=True)),
        "members": list(network.members.values_list("pk", flat=True)),
        "coordinator_email": network.coordinator.email if network.coordinator else "",
    }


def goal_initial(goal: Goal) -> dict:
    fields = ("title", "description", "target", "unit", "baseline", "starts_on", "deadline", "source")
    return {**{name: getattr(goal, name) for name in fields}, "owner": goal.owner_id}
