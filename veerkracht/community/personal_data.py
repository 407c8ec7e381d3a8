"""What the community app holds about a person, and what happens to it when their account goes.

What a member wrote is theirs: it is in "download my data", and deleting the account deletes it — except
public responses and answers others replied to, which stay as "verwijderde deelnemer" so a thread
still reads. Each feature adds a Part below; the app registers them together.
"""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.core.personal_data import DELETED, KEPT, Line, Part, register_parts

from .models import ContentReport, LibraryItem, Moderated, NewsItem

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
    # Whoever hid something: the hiding and its reason stay, not who did it (the audit log keeps that
    # without a name as well).
    for model in apps.get_models():
        if issubclass(model, Moderated):
            model._default_manager.filter(hidden_by=user).update(hidden_by=None)


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


# --- questions ---


def _questions_export(user) -> dict:
    from .selectors.questions import answers_of, questions_of

    return {
        "community_questions": [
            {
                "created_at": q.created_at.isoformat(),
                "title": q.title,
                "text": q.text,
                "hidden": q.is_hidden,
            }
            for q in questions_of(user)
        ],
        "community_answers": [
            {"created_at": a.created_at.isoformat(), "question": a.question.title, "text": a.text}
            for a in answers_of(user)
        ],
    }


def _questions_erase(user) -> None:
    from django.db.models import Exists, OuterRef

    from .models import Answer, Question, QuestionMailing

    others = Answer.objects.filter(question=OuterRef("pk")).exclude(author=user)
    # Questions nobody else answered go; answered ones stay (the answers are for others too).
    Question.objects.filter(author=user).filter(~Exists(others)).delete()
    Question.objects.filter(author=user).update(author=None)
    # Answers others saw stay as "verwijderde deelnemer".
    Answer.objects.filter(author=user).update(author=None)
    Question.objects.filter(hidden_by=user).update(hidden_by=None)
    Answer.objects.filter(hidden_by=user).update(hidden_by=None)
    QuestionMailing.objects.filter(user=user).delete()


def _questions_summary(user) -> list[Line]:
    from .selectors.questions import answers_of, questions_of

    lines = []
    asked = questions_of(user).count()
    if asked:
        lines.append(Line(DELETED, _("Je vragen aan de beweging waar niemand anders op antwoordde.")))
        lines.append(
            Line(KEPT, _("Vragen met antwoorden van anderen blijven, als van 'verwijderde deelnemer'."))
        )
    if answers_of(user).exists():
        lines.append(Line(KEPT, _("Je antwoorden blijven staan, als van 'verwijderde deelnemer'.")))
    return lines


QUESTIONS = Part(
    models=("community.Question", "community.Answer", "community.QuestionMailing"),
    export=_questions_export,
    erase=_questions_erase,
    summary=_questions_summary,
)
PARTS.append(QUESTIONS)


# --- groups ---


def _groups_export(user) -> dict:
    from .selectors.groups import files_by, memberships_of, posts_by

    return {
        "community_group_memberships": [
            {"group": m.group.name, "joined_at": m.joined_at.isoformat(), "admin": m.is_admin}
            for m in memberships_of(user)
        ],
        "community_group_posts": [
            {"group": p.group.name, "created_at": p.created_at.isoformat(), "text": p.text}
            for p in posts_by(user)
        ],
        "community_group_files": [
            {
                "group": f.group.name,
                "created_at": f.created_at.isoformat(),
                "title": f.title,
                "file": f.filename,
            }
            for f in files_by(user)
        ],
    }


def _groups_erase(user) -> None:
    from django.db import transaction

    from .models import GroupFile, GroupPost, Membership
    from .storage import group_file_storage

    names = list(GroupFile.objects.filter(uploaded_by=user).values_list("file", flat=True))
    GroupFile.objects.filter(uploaded_by=user).delete()
    GroupPost.objects.filter(author=user).delete()
    GroupPost.objects.filter(hidden_by=user).update(hidden_by=None)
    # A group whose only admin goes keeps someone to manage it: its longest-standing member.
    for membership in Membership.objects.filter(user=user, is_admin=True):
        others = Membership.objects.filter(group_id=membership.group_id).exclude(user=user)
        if not others.filter(is_admin=True).exists():
            heir = others.order_by("joined_at", "pk").first()
            if heir is not None:
                Membership.objects.filter(pk=heir.pk).update(is_admin=True)
    Membership.objects.filter(user=user).delete()
    transaction.on_commit(lambda: [group_file_storage.delete(name) for name in names if name])


def _groups_summary(user) -> list[Line]:
    from .selectors.groups import files_by, memberships_of, posts_by

    if not (memberships_of(user).exists() or posts_by(user).exists() or files_by(user).exists()):
        return []
    return [Line(DELETED, _("Je lidmaatschap van groepen, en je berichten en bestanden in die groepen."))]


GROUPS = Part(
    models=(
        "community.Group",
        "community.Membership",
        "community.GroupPost",
        "community.GroupFile",
        "community.GroupMeeting",
    ),
    export=_groups_export,
    erase=_groups_erase,
    summary=_groups_summary,
    not_personal={
        "community.Group": "a group's name and description, written by staff: no person in it",
        "community.GroupMeeting": "which agenda event belongs to a group",
    },
)
PARTS.append(GROUPS)


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

PARTS.append(PUBLICATIONS)

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


register_parts("community", PARTS)
