"""Reads for organisers: their events with the counts that matter, a series' dates, and who else may
organise (to add as co-organiser by e-mail address)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from veerkracht.accounts.models import Organisation, Role, User

from ..models import Event, Question, RegistrationStatus, Series
from ..tokens import invite_token

ORGANISING_ROLES = (Role.STAFF, Role.ORGANISER, Role.REGION_ADMIN)
PAST_SHOWN = 50


def _with_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.select_related("municipality", "series").annotate(
        waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING))
    )


def organised_events(user, region, *, now=None) -> tuple[list[Event], list[Event]]:
    """(upcoming, the latest past) events this person organises, drafts and cancelled ones included."""
    now = now or timezone.now()
    mine = Event.objects.filter(region=region, organisers=user)
    upcoming = list(_with_counts(mine.filter(ends_at__gt=now)).order_by("starts_at", "id"))
    past = list(_with_counts(mine.filter(ends_at__lte=now)).order_by("-starts_at", "-id")[:PAST_SHOWN])
    return upcoming, past


def series_events(series: Series) -> list[Event]:
    return list(_with_counts(series.events.all()).order_by("starts_at", "id"))


def questions_of(event: Event) -> list[Question]:
    return list(event.questions.all())


def other_organisers(event: Event, user) -> list[str]:
    """The e-mail addresses of the event's other organisers (for the edit form)."""
    return list(event.organisers.exclude(pk=user.pk).order_by("email").values_list("email", flat=True))


def organisers_by_email(emails: list[str]) -> dict[str, User]:
    """{address: user} for the addresses that belong to an active person with the organiser right."""
    wanted = {e.lower() for e in emails}
    if not wanted:
        return {}
    found = User.objects.filter(
        email__in=wanted, is_active=True, role_assignments__role__in=ORGANISING_ROLES
    ).distinct()
    return {u.email.lower(): u for u in found}


def organisations_of(user) -> QuerySet[Organisation]:
    """The organisations someone may organise on behalf of: the ones they are a member of."""
    return Organisation.objects.filter(memberships__user=user).distinct().order_by("name")


def default_organiser_name(user, region) -> str:
    organisation = organisations_of(user).first()
    return organisation.name if organisation is not None else region.movement_name


def invitation_url(event: Event) -> str:
    """The private registration link of a closed event (the path; the page adds the host)."""
    token = invite_token(event)
    try:
        return reverse("agenda:invitation", args=[event.pk, token])
    except NoReverseMatch:  # the invitation page lives in the registration feature
        return f"/agenda/{event.pk}/uitnodiging/{token}/"


def subregions_of(region) -> QuerySet:
    return region.subregions.order_by("name")


def sessions_given_by(user_ids, *, since, until, event_ids=None) -> list[dict]:
    """For other apps (the network counts what ambassadors do): one dict per (published event, organiser
    among ``user_ids``) for events that started in [since, until) and have started by now: ``event``,
    ``user``, ``day`` (local date of the start), ``municipality`` (id, None online), ``title`` and
    ``people`` (places checked in; before any check-in, the confirmed places)."""
    from django.db.models import Sum

    from ..models import EventStatus, Registration

    pairs = Event.organisers.through.objects.filter(
        user_id__in=list(user_ids),
        event__status=EventStatus.PUBLISHED,
        event__starts_at__gte=since,
        event__starts_at__lt=min(until, timezone.now()),
    )
    if event_ids is not None:
        pairs = pairs.filter(event_id__in=list(event_ids))
    rows = list(
        pairs.values_list(
            "event_id",
            "user_id",
            "event__starts_at",
            "event__municipality_id",
            "event__online",
            "event__title",
        )
    )
    counts = (
        Registration.objects.filter(
            event_id__in={row[0] for row in rows}, status=RegistrationStatus.CONFIRMED
        )
        .values("event_id")
        .annotate(
            inside=Sum("checked_in_places", filter=Q(checked_in_at__isnull=False)), booked=Sum("places")
        )
        .order_by()
    )
    people = {c["event_id"]: c["inside"] or c["booked"] or 0 for c in counts}
    return [
        {
            "event": event,
            "user": user,
            "day": timezone.localdate(starts_at),
            "municipality": None if online else municipality,
            "title": title,
            "people": people.get(event, 0),
        }
        for event, user, starts_at, municipality, online, title in rows
    ]
