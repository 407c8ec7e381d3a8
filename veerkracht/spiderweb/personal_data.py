"""What Mijn Positieve Gezondheid holds about a person: their webs (drafts too) with reflections, the
research consent, shares and the notes professionals wrote, and who looked at their webs."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.core.personal_data import DELETED, KEPT, Line, PersonalData, register

from .exports import web_export
from .models import Assessment, ConversationNote, ResearchConsent, Share
from .selectors import access_log_for, research_consent_given, research_consent_initial


def export(user) -> dict:
    # Drafts too: the right of access covers everything stored, finished or not.
    webs = (
        Assessment.objects.filter(owner=user)
        .select_related("instrument", "reflection", "municipality")
        .order_by("started_at", "pk")
    )
    shares = (
        Share.objects.filter(owner=user)
        .select_related("professional__profile", "assessment")
        .order_by("created_at")
    )
    notes = (
        ConversationNote.objects.filter(assessment__owner=user)
        .select_related("author__profile", "assessment")
        .order_by("created_at")
    )
    return {
        "research_consent": research_consent_given(user),
        "education": research_consent_initial(user)["education"],
        "spider_webs": [web_export(web) for web in webs],
        "shares": [
            {
                "with": share.professional.display_name if share.professional else None,
                "invite_email": share.invite_email,
                "scope": share.scope,
                "first_web_started_at": share.assessment.started_at.isoformat() if share.assessment else None,
                "include_reflection": share.include_reflection,
                "created_at": share.created_at.isoformat(),
                "expires_at": share.expires_at.isoformat(),
                "revoked_at": share.revoked_at.isoformat() if share.revoked_at else None,
            }
            for share in shares
        ],
        "conversation_notes": [
            {
                "web_started_at": note.assessment.started_at.isoformat(),
                "author": note.author.display_name,
                "text": note.text,
                "created_at": note.created_at.isoformat(),
            }
            for note in notes
        ],
        "who_looked": [
            {
                "when": entry.created_at.isoformat(),
                "who": entry.actor.display_name if entry.actor else None,
                "what": entry.code,
                "data": entry.data,
            }
            for entry in access_log_for(user)
        ],
    }


def erase(user) -> None:
    """Webs (with their reflections and notes), shares either way, notes written, consent."""
    ConversationNote.objects.filter(author=user).delete()
    Share.objects.filter(professional=user).delete()
    Share.objects.filter(owner=user).delete()
    Assessment.objects.filter(owner=user).delete()
    ResearchConsent.objects.filter(user=user).delete()


def summary(user) -> list[Line]:
    webs = Assessment.objects.filter(owner=user)
    counts = {
        "webs": webs.count(),
        "notes": ConversationNote.objects.filter(assessment__owner=user).count(),
        "shares": Share.objects.filter(owner=user).count(),
        "received": Share.objects.filter(professional=user).count(),
        "written": ConversationNote.objects.filter(author=user).exclude(assessment__owner=user).count(),
    }
    texts = {
        "webs": ngettext(
            "Je spinnenweb, met wat je erbij schreef.",
            "Je %(count)s spinnenwebben, met wat je erbij schreef.",
            counts["webs"],
        ),
        "notes": ngettext(
            "%(count)s notitie van een professional bij je spinnenweb.",
            "%(count)s notities van professionals bij je spinnenwebben.",
            counts["notes"],
        ),
        "shares": ngettext(
            "Je gedeelde spinnenweb. De professional kan het daarna niet meer zien.",
            "Je %(count)s keer delen met een professional. "
            "Zij kunnen je spinnenwebben daarna niet meer zien.",
            counts["shares"],
        ),
        "received": ngettext(
            "%(count)s spinnenweb dat iemand met jou deelde. Je kunt het daarna niet meer zien.",
            "%(count)s keer dat iemand spinnenwebben met jou deelde. Je kunt ze daarna niet meer zien.",
            counts["received"],
        ),
        "written": ngettext(
            "%(count)s notitie die je schreef bij het spinnenweb van iemand anders.",
            "%(count)s notities die je schreef bij spinnenwebben van anderen.",
            counts["written"],
        ),
    }
    lines = [Line(DELETED, texts[key] % {"count": n}) for key, n in counts.items() if n]
    if ResearchConsent.objects.filter(user=user).exists():
        lines.append(Line(DELETED, _("Je keuze over meedoen aan onderzoek.")))
    if webs.filter(completed_at__isnull=False).exists():
        lines.append(
            Line(
                KEPT,
                _(
                    "Cijfers over de regio die al openbaar zijn, veranderen niet. "
                    "Daarin staat nooit een naam."
                ),
            )
        )
    return lines


register(
    PersonalData(
        app="spiderweb",
        models=(
            "spiderweb.Assessment",
            "spiderweb.Reflection",
            "spiderweb.ResearchConsent",
            "spiderweb.Share",
            "spiderweb.ConversationNote",
        ),
        export=export,
        erase=erase,
        summary=summary,
        private_log_codes=("spiderweb.",),
    )
)
