"""What the community app holds about a person, and what happens to it when their account goes.

What a member wrote is theirs: it is in "download my data", and deleting the account deletes it — except
public responses and answers others replied to, which stay as "verwijderde deelnemer" so a thread
still reads. Each feature adds a Part below; the app registers them together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

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

PARTS: list[Part] = [MODERATION]

# --- stories -------------------------------------------------------------------------------------


def _stories_export(user) -> dict:
    from .models import Inspiration, Story, StoryResponse

    stories = Story.objects.filter(author=user).prefetch_related("photos").order_by("created_at")
    responses = StoryResponse.objects.filter(author=user).select_related("story").order_by("created_at")
    inspirations = Inspiration.objects.filter(user=user).select_related("story").order_by("created_at")
    return {
        "community_stories": [
            {
                "title": s.title,
                "text": s.text,
                "video_url": s.video_url,
                "status": s.status,
                "created_at": s.created_at.isoformat(),
                "published_at": s.published_at.isoformat() if s.published_at else None,
                "photos": [
                    {"file": (p.photo.name or p.pending_photo.name), "alt": p.alt} for p in s.photos.all()
                ],
                "hidden_reason": s.hidden_reason,
            }
            for s in stories
        ],
        "community_story_responses": [
            {"story": r.story.title, "text": r.text, "created_at": r.created_at.isoformat()}
            for r in responses
        ],
        "community_inspirations": [
            {"story": i.story.title, "created_at": i.created_at.isoformat()} for i in inspirations
        ],
    }


def _stories_erase(user) -> None:
    from .models import Inspiration, Story, StoryResponse
    from .services.stories import story_delete_for_erasure

    for story in Story.objects.filter(author=user):
        story_delete_for_erasure(story)
    # Responses stay so a conversation still reads: "verwijderde deelnemer".
    StoryResponse.objects.filter(author=user).update(author=None)
    Inspiration.objects.filter(user=user).delete()
    Story.objects.filter(reviewed_by=user).update(reviewed_by=None)
    Story.objects.filter(hidden_by=user).update(hidden_by=None)
    StoryResponse.objects.filter(hidden_by=user).update(hidden_by=None)


def _stories_summary(user) -> list[Line]:
    from .models import Story, StoryResponse

    lines = []
    stories = Story.objects.filter(author=user).count()
    if stories:
        lines.append(
            Line(
                DELETED,
                ngettext(
                    "%(count)d verhaal dat je schreef, met de foto's.",
                    "%(count)d verhalen die je schreef, met de foto's.",
                    stories,
                )
                % {"count": stories},
            )
        )
    responses = StoryResponse.objects.filter(author=user).count()
    if responses:
        lines.append(
            Line(
                KEPT,
                ngettext(
                    "%(count)d reactie op een verhaal: die blijft staan, als van een verwijderde deelnemer.",
                    "%(count)d reacties op verhalen: die blijven staan, als van een verwijderde deelnemer.",
                    responses,
                )
                % {"count": responses},
            )
        )
    return lines


STORIES = Part(
    models=(
        "community.Story",
        "community.StoryPhoto",
        "community.StoryResponse",
        "community.Inspiration",
    ),
    export=_stories_export,
    erase=_stories_erase,
    summary=_stories_summary,
)
PARTS.append(STORIES)
# --- end stories ---


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
