"""What one search over the site finds in the agenda: published sessions open to everyone, coming and
past (core/search.py). A draft, a cancelled session or one only on invitation is not found."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.search import Document, Source, register

from .models import Event, EventStatus, Visibility


def _findable(event: Event) -> bool:
    return event.status == EventStatus.PUBLISHED and event.visibility == Visibility.PUBLIC


def _session(event: Event) -> Document | None:
    if not _findable(event):
        return None
    place = event.municipality.name if event.municipality_id else _("online")
    return Document(
        title=event.title,
        summary=f"{event.get_kind_display()} · {place} · {event.starts_at:%d-%m-%Y}",
        body="\n".join(
            part
            for part in (event.theme, event.description, event.programme, event.speakers, event.venue)
            if part
        ),
        url=event.get_absolute_url(),
        date=event.starts_at,
        municipality_code=event.municipality.code if event.municipality_id else "",
        subregion=event.subregion.slug if event.subregion_id else "",
        dimensions=event.dimensions,
        themes=event.themes,
        extra={"kind": event.kind, "past": event.is_past},
    )


register(
    Source(
        key="session",
        label=_("Bijeenkomsten"),
        model="agenda.Event",
        document=_session,
        objects=lambda region: Event.objects.filter(
            region=region, status=EventStatus.PUBLISHED, visibility=Visibility.PUBLIC
        ).select_related("municipality", "subregion"),
        region_of=lambda event: event.region_id,
        order=40,
    )
)
