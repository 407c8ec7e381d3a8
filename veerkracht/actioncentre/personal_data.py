"""What the action centre holds about a person: the questions and ideas they sent, initiatives they
look after, what they follow, offer and (as an ambassador) show, introductions, and their name on
what they did for others (timeline events, phase changes, news)."""

from __future__ import annotations

from django.db.models import Count, Q

from veerkracht.core.personal_data import PersonalData, register

from .models import (
    AmbassadorProfile,
    Connection,
    Follow,
    Initiative,
    InitiativePartner,
    InitiativeRevision,
    InitiativeUpdate,
    Offer,
    PhaseChange,
    Request,
    RequestEvent,
    RevisionStatus,
)


def export(user) -> dict:
    profile = AmbassadorProfile.objects.filter(user=user).first()
    return {
        "requests": [
            {
                "title": r.title,
                "description": r.description,
                "kind": r.kind,
                "status": r.status,
                "sent_at": _iso(r.created_at),
            }
            for r in Request.objects.filter(sender=user).order_by("created_at", "pk")
        ],
        "initiatives": [
            {"title": i.title, "phase": i.phase, "review": i.review, "started_at": _iso(i.created_at)}
            for i in Initiative.objects.filter(owner=user).order_by("created_at", "pk")
        ],
        "follows": [
            {"initiative": f.initiative.title, "kind": f.kind, "email_updates": f.email_updates}
            for f in Follow.objects.filter(user=user).select_related("initiative").order_by("pk")
        ],
        "offers": [
            {"title": o.title, "description": o.description, "help_type": o.help_type, "visible": o.is_active}
            for o in Offer.objects.filter(owner=user).order_by("created_at", "pk")
        ],
        "ambassador_profile": None
        if profile is None
        else {"expertise": profile.expertise, "bio": profile.bio, "public": profile.is_public},
        "introductions": [
            {
                "asker": c.asker_name,
                "helper": c.helper_name,
                "status": c.status,
                "proposed_at": _iso(c.created_at),
            }
            for c in Connection.objects.filter(
                Q(asker_email__iexact=user.email) | Q(helper_email__iexact=user.email) | Q(proposed_by=user)
            ).order_by("created_at", "pk")
        ],
    }


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def erase(user) -> None:
    """What is only theirs goes; on what they did for others (a request's timeline, an initiative's
    history and news, an introduction they proposed) their name is taken off."""
    followed = list(Follow.objects.filter(user=user).values_list("initiative_id", flat=True))
    Follow.objects.filter(user=user).delete()
    _recount_followers(followed)
    Offer.objects.filter(owner=user).delete()
    AmbassadorProfile.objects.filter(user=user).delete()
    Request.objects.filter(sender=user).update(sender=None)
    Request.objects.filter(assignee=user).update(assignee=None)
    RequestEvent.objects.filter(actor=user).update(actor=None)
    Initiative.objects.filter(owner=user).update(owner=None)
    PhaseChange.objects.filter(changed_by=user).update(changed_by=None)
    InitiativeUpdate.objects.filter(author=user).update(author=None)
    Connection.objects.filter(proposed_by=user).update(proposed_by=None)


def _recount_followers(initiative_ids: list[int]) -> None:
    counts = dict(
        Follow.objects.filter(initiative_id__in=initiative_ids)
        .values_list("initiative_id")
        .annotate(n=Count("pk"))
        .values_list("initiative_id", "n")
    )
    for pk in initiative_ids:
        Initiative.objects.filter(pk=pk).update(followers_count=counts.get(pk, 0))


# --- Moderation and partner requests (kept together, so this part merges on its own) -------------


def _export_moderation(user) -> dict:
    """Texts they sent for an initiative (every status), and partner requests they made or answered."""
    revisions = InitiativeRevision.objects.filter(author=user).select_related("initiative")
    links = InitiativePartner.objects.filter(Q(requested_by=user) | Q(decided_by=user))
    return {
        "initiative_texts": [
            {
                "initiative": r.initiative.title,
                "status": r.status,
                "texts": r.texts(),
                "sent_at": _iso(r.created_at),
                "reason": r.reason,
            }
            for r in revisions.order_by("created_at", "pk")
        ],
        "partner_requests": [
            {
                "initiative": link.initiative.title,
                "organisation": link.organisation.name,
                "status": link.status,
                "asked_by_you": link.requested_by_id == user.pk,
                "answered_by_you": link.decided_by_id == user.pk,
            }
            for link in links.select_related("initiative", "organisation").order_by("requested_at", "pk")
        ],
    }


def _erase_moderation(user) -> None:
    """Waiting texts they sent go; decided ones stay in the initiative's history without their name."""
    InitiativeRevision.objects.filter(author=user, status=RevisionStatus.PENDING).delete()
    InitiativeRevision.objects.filter(author=user).update(author=None)
    InitiativeRevision.objects.filter(reviewed_by=user).update(reviewed_by=None)
    InitiativeUpdate.objects.filter(reviewed_by=user).update(reviewed_by=None)
    InitiativePartner.objects.filter(requested_by=user).update(requested_by=None)
    InitiativePartner.objects.filter(decided_by=user).update(decided_by=None)


def _export_all(user) -> dict:
    return export(user) | _export_moderation(user)


def _erase_all(user) -> None:
    erase(user)
    _erase_moderation(user)


register(
    PersonalData(
        app="actioncentre",
        models=(
            "actioncentre.Request",
            "actioncentre.RequestEvent",
            "actioncentre.Initiative",
            "actioncentre.PhaseChange",
            "actioncentre.InitiativeUpdate",
            "actioncentre.Follow",
            "actioncentre.Offer",
            "actioncentre.AmbassadorProfile",
            "actioncentre.Connection",
            "actioncentre.InitiativeRevision",
            "actioncentre.InitiativePartner",
        ),
        export=_export_all,
        erase=_erase_all,
    )
)
