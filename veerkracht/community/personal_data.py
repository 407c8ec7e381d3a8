"""What the community app holds about a person, and what happens to it when their account goes.

What a member wrote is theirs: it is in "download my data", and deleting the account deletes it — except
public responses and answers others replied to, which stay as "verwijderde deelnemer" so a thread
still reads. Each feature adds a Part below; the app registers them together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import ngettext

from veerkracht.core.personal_data import KEPT, Line, PersonalData, register

from .models import ContentReport, LibraryItem, NewsItem


@dataclass(frozen=True)
class Part:
    models: tuple[str, ...]
    export: Callable[[object], Mapping[str, object]]
    erase: Callable[[object], None]
    summary: Callable[[object], Iterable[Line]]
    not_personal: Mapping[str, str] = field(default_factory=dict)


# --- moderation ----------------------------------------------------------------------------------


def _reports_export(user) -> dict:
    reports = ContentReport.objects.filter(reporter=user).order_by("created_at")
    return {
        "community_reports": [
            {"created_at": r.created_at.isoformat(), "reason": r.reason, "status": r.status} for r in reports
        ]
    }


def _reports_erase(user) -> None:
    # The report stays for the moderators (what was reported and why), without who reported it.
    ContentReport.objects.filter(reporter=user).update(reporter=None)
    ContentReport.objects.filter(decided_by=user).update(decided_by=None)


def _reports_summary(user) -> list[Line]:
    count = ContentReport.objects.filter(reporter=user).count()
    if not count:
        return []
    text = ngettext(
        "%(count)d melding die je deed: de melding blijft, zonder jouw naam.",
        "%(count)d meldingen die je deed: de meldingen blijven, zonder jouw naam.",
        count,
    ) % {"count": count}
    return [Line(KEPT, text)]


MODERATION = Part(
    models=("community.ContentReport",),
    export=_reports_export,
    erase=_reports_erase,
    summary=_reports_summary,
)


# --- news / library ---------------------------------------------------------------------------------
# News and library items are publications of the action centre and of partner organisations, not
# personal writing: they show no author's name. "Download my data" lists the ones a person wrote;
# deleting the account keeps them (others rely on them) and only removes the link to the person, so
# nothing that stays can be traced back to them.


def _publications_export(user) -> dict:
    news = NewsItem.objects.filter(author=user).order_by("created_at")
    library = LibraryItem.objects.filter(author=user).order_by("created_at")
    return {
        "community_news_written": [
            {"title": n.title, "text": n.text, "published_at": n.published_at.isoformat()} for n in news
        ],
        "community_library_items_written": [
            {"title": i.title, "kind": i.kind, "summary": i.summary, "body": i.body, "url": i.url}
            for i in library
        ],
    }


def _publications_erase(user) -> None:
    NewsItem.objects.filter(author=user).update(author=None)
    LibraryItem.objects.filter(author=user).update(author=None)
    NewsItem.objects.filter(hidden_by=user).update(hidden_by=None)
    LibraryItem.objects.filter(hidden_by=user).update(hidden_by=None)


def _publications_summary(user) -> list[Line]:
    count = NewsItem.objects.filter(author=user).count() + LibraryItem.objects.filter(author=user).count()
    if not count:
        return []
    text = ngettext(
        "%(count)d nieuwsbericht of kennisbank-item dat je schreef voor het actiecentrum of je "
        "organisatie: het blijft staan, zonder jouw naam.",
        "%(count)d nieuwsberichten en kennisbank-items die je schreef voor het actiecentrum of je "
        "organisatie: ze blijven staan, zonder jouw naam.",
        count,
    ) % {"count": count}
    return [Line(KEPT, text)]


PUBLICATIONS = Part(
    models=("community.NewsItem", "community.LibraryItem"),
    export=_publications_export,
    erase=_publications_erase,
    summary=_publications_summary,
)

PARTS: list[Part] = [MODERATION, PUBLICATIONS]


def _export(user) -> dict:
    result: dict = {}
    for part in PARTS:
        result.update(part.export(user))
    return result


def _erase(user) -> None:
    for part in reversed(PARTS):
        part.erase(user)


def _summary(user) -> list[Line]:
    return [line for part in PARTS for line in part.summary(user)]


register(
    PersonalData(
        app="community",
        models=tuple(label for part in PARTS for label in part.models),
        export=_export,
        erase=_erase,
        summary=_summary,
        not_personal={label: why for part in PARTS for label, why in part.not_personal.items()},
    )
)
