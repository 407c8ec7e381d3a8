"""What the community app holds about a person, and what happens to it when their account goes.

What a member wrote is theirs: it is in "download my data", and deleting the account deletes it — except
public responses and answers others replied to, which stay as "verwijderde deelnemer" so a thread
still reads. Each feature adds a Part below; the app registers them together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.core.personal_data import DELETED, KEPT, Line, PersonalData, register

from .models import ContentReport


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

# --- newsletter ---


def _newsletter_export(user) -> dict:
    from veerkracht.accounts.selectors import identity_of

    from .selectors.newsletter import subscriptions_of_emails

    return {
        "community_newsletter": [
            {
                "email": s.email,
                "subregions": [r.name for r in s.subregions.all()],
                "topics": s.theme_labels,
                "subscribed_at": s.created_at.isoformat(),
                "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
            }
            for s in subscriptions_of_emails(identity_of(user).emails)
        ]
    }


def _newsletter_erase(user) -> None:
    from veerkracht.accounts.selectors import identity_of

    from .services.newsletter import subscribers_erase

    subscribers_erase(emails=identity_of(user).emails)


def _newsletter_summary(user) -> list[Line]:
    from veerkracht.accounts.selectors import identity_of

    from .selectors.newsletter import subscriptions_of_emails

    if not subscriptions_of_emails(identity_of(user).emails).exists():
        return []
    return [Line(DELETED, _("Je aanmelding voor de nieuwsbrief: je e-mailadres en je keuzes."))]


NEWSLETTER = Part(
    models=("community.Subscriber",),
    export=_newsletter_export,
    erase=_newsletter_erase,
    summary=_newsletter_summary,
    not_personal={
        "community.Issue": "a newsletter issue: the editor's account link is only who made the draft",
        "community.IssueItem": "what an issue says (copied from public pages)",
        "community.Delivery": "that an issue went to a subscription row; no address of its own",
    },
)

PARTS: list[Part] = [MODERATION, NEWSLETTER]


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
