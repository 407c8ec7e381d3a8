"""Reads of the newsletter, and its two digest sections: sessions coming up (per subregion, from the
agenda) and initiatives that need help (from the action centre). The stories and questions features
register their own sections; importing every community selectors module registers them all."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from veerkracht.actioncentre.selectors.initiatives import initiatives_needing_help
from veerkracht.agenda.selectors.events import events_starting_between
from veerkracht.regions.models import Subregion

from .. import digest
from ..digest import DigestItem, Section
from ..models import Issue, IssueItem, IssueStatus, Subscriber

COMING_UP = timedelta(days=45)

# --- Digest sections ----------------------------------------------------------------------------------


def _sessions(region, since: datetime, until: datetime) -> list[DigestItem]:
    return [
        DigestItem(
            kind="session",
            title=event.title,
            url=event.get_absolute_url(),
            text=", ".join(filter(None, [event.venue, getattr(event.municipality, "name", "")])),
            when=event.starts_at,
            subregion=event.subregion.slug if event.subregion else "",
            themes=event.themes,
        )
        for event in events_starting_between(region, until, until + COMING_UP)
    ]


def _initiatives(region, since: datetime, until: datetime) -> list[DigestItem]:
    return [
        DigestItem(
            kind="initiative",
            title=initiative.title,
            url=reverse("initiatives:detail", args=[initiative.slug]),
            text="; ".join(need.description for need in initiative.open_needs[:2]),
            subregion=initiative.subregion.slug if initiative.subregion else "",
            themes=initiative.themes,
        )
        for initiative in initiatives_needing_help(region)
    ]


digest.register(Section("session", _("Binnenkort in de agenda"), _sessions, order=20))
digest.register(Section("initiative", _("Initiatieven die hulp zoeken"), _initiatives, order=30))


def load_sections() -> None:
    """Import every community selectors module, so each feature's section is registered."""
    from .. import selectors

    for info in pkgutil.iter_modules(selectors.__path__):
        importlib.import_module(f"{selectors.__name__}.{info.name}")


# --- Archive and editor -------------------------------------------------------------------------------


def sent_issues(region) -> QuerySet[Issue]:
    return Issue.objects.filter(region=region, status__in=(IssueStatus.SENDING, IssueStatus.SENT)).order_by(
        "-month"
    )


def sent_issues_page(region, number, *, per_page: int = 12) -> Page:
    return Paginator(sent_issues(region), per_page).get_page(number)


def issues_for_editor(region) -> QuerySet[Issue]:
    return Issue.objects.filter(region=region).annotate(item_count=Count("items")).order_by("-month")


def items_of(issue: Issue) -> list[IssueItem]:
    return list(issue.items.all())


def subscriber_count(region) -> int:
    return Subscriber.objects.filter(region=region, confirmed_at__isnull=False, ended_at__isnull=True).count()


def delivery_counts(issue: Issue) -> dict[str, int]:
    rows = issue.deliveries.values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}


# --- For the monitor and personal data ------------------------------------------------------------


def subscribers_as_of(region, moment: datetime) -> list[list[str]]:
    """The subregion slugs of every subscriber confirmed at `moment` and not ended then."""
    subscribers = (
        Subscriber.objects.filter(region=region, confirmed_at__lte=moment)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gt=moment))
        .prefetch_related("subregions")
    )
    return [
        [s.slug for s in subscriber.subregions.all()] for subscriber in subscribers.iterator(chunk_size=2000)
    ]


def subscriptions_of_emails(emails) -> QuerySet[Subscriber]:
    return Subscriber.objects.filter(email__in=[e.lower() for e in emails]).prefetch_related("subregions")


def subregions_of(region) -> QuerySet[Subregion]:
    return Subregion.objects.filter(region=region).order_by("name")


def subregion_choices() -> list[tuple[str, str]]:
    """(slug, name) of every subregion, for the monitor's breakdown."""
    return list(Subregion.objects.order_by("name").values_list("slug", "name").distinct())


def items_with_area(issue: Issue) -> list[IssueItem]:
    """The items, each with `area`: the name of its subregion (for the editor's list)."""
    names = dict(subregions_of(issue.region).values_list("slug", "name"))
    items = items_of(issue)
    for item in items:
        item.area = names.get(item.subregion, "")
    return items
