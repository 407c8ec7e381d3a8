"""What the action centre holds about a person, and what happens to it when their account goes.

Held: the questions and ideas they sent (with or without an account), initiatives they look after,
news they posted, what they follow, offer and (as an ambassador) show, introductions in which they are
a side, and their name on what they did for others (timeline events, phase changes).

On deletion (AVG art. 17: erase, unless there is a reason to keep):

- *Requests* they sent are deleted with their timeline (messages, staff notes) and the introductions
  made for them, also those sent without an account from one of their e-mail addresses (matched
  case-insensitively). Deleted rather than anonymised: a request is the person's own story ("ik heb
  schulden…"); without name, address and text nothing is left that staff could use, and the monitor's
  published periods are frozen, so no published figure changes.
- *Introductions* in which they are a side: one that both sides accepted stays (the movement counts
  it; the other side keeps theirs) with their name, address and the message emptied; any other is
  deleted, as it cannot go on without them.
- *Initiatives* they own stay when they are public and someone else follows them, or when they are
  public and belong to an organisation (the organisation's work is not the person's to delete). Such an
  initiative loses its owner, and their names and addresses are replaced by "[verwijderd]" in all its
  texts (also its web address, needs, phase history and news). Every other initiative they own is
  deleted with its needs, news, photos (the files go after the commit), phase history and follows.
- *News* they posted on an initiative that stays, stays too, as part of its public story: without
  author, their names and addresses replaced. A photo in it stays (it shows the initiative's work).
- Follows, offers and the ambassador profile are deleted.
- Texts and news they sent that were never published (waiting or turned down) are deleted; changes to
  an initiative's texts that were decided stay in its history, without their name.
- What they did for others as staff (requests they picked up, notes, phase changes, introductions they
  proposed) stays without their name; the timeline line that named them as assignee says "[verwijderd]".
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.accounts.selectors import identity_of
from veerkracht.core.personal_data import (
    DELETED,
    KEPT,
    REMOVED,
    Identity,
    Line,
    PersonalData,
    delete_files_on_commit,
    register,
    scrub_rows,
)

from .models import (
    AmbassadorProfile,
    Connection,
    ConnectionStatus,
    EventKind,
    Follow,
    Initiative,
    InitiativePartner,
    InitiativeRevision,
    InitiativeUpdate,
    Offer,
    PhaseChange,
    Request,
    RequestEvent,
    Review,
    RevisionStatus,
)
from .services.initiatives import RESERVED_SLUGS

# --- Whose is what ------------------------------------------------------------------------------


def _any_email(field: str, identity: Identity) -> Q:
    found = Q(pk__in=[])
    for email in identity.emails:
        found |= Q(**{f"{field}__iexact": email})
    return found


def _requests_of(user, identity: Identity) -> QuerySet[Request]:
    """Sent with their account, or without one from one of their addresses."""
    return Request.objects.filter(Q(sender=user) | _any_email("email", identity))


def _connections_of(user, identity: Identity) -> QuerySet[Connection]:
    """Introductions in which they are a side: by address, by their offer or ambassador profile, or
    by their request or initiative."""
    return Connection.objects.filter(
        _any_email("asker_email", identity)
        | _any_email("helper_email", identity)
        | Q(offer__owner=user)
        | Q(ambassador__user=user)
        | Q(request__sender=user)
        | Q(need__initiative__owner=user)
    )


def _owned_initiatives(user) -> list[Initiative]:
    """Their initiatives, each with `others`: how many other people follow it."""
    return list(
        Initiative.objects.filter(owner=user)
        .select_related("organisation")
        .annotate(others=Count("follows", filter=~Q(follows__user=user)))
        .order_by("created_at", "pk")
    )


def _stays(initiative: Initiative) -> bool:
    return initiative.is_public and (initiative.others > 0 or initiative.organisation_id is not None)


# --- Download my data -----------------------------------------------------------------------------


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _request_export(r: Request) -> dict:
    return {
        "title": r.title,
        "description": r.description,
        "kind": r.kind,
        "status": r.status,
        "name": r.name,
        "email": r.email,
        "sent_with_account": r.sender_id is not None,
        "sent_at": _iso(r.created_at),
        # The timeline as the sender's own page shows it (staff's internal notes are not in it).
        "timeline": [
            {"what": e.kind, "text": e.text, "when": _iso(e.created_at)}
            for e in r.events.all()
            if not e.is_internal
        ],
    }


def _initiative_export(i: Initiative) -> dict:
    return {
        "title": i.title,
        "summary": i.summary,
        "description": i.description,
        "who": i.who,
        "phase": i.phase,
        "lesson": i.lesson,
        "what_worked": i.what_worked,
        "review": i.review,
        "started_at": _iso(i.created_at),
        "needs": [
            {"help_type": n.help_type, "description": n.description, "open": n.is_open} for n in i.needs.all()
        ],
        "phase_history": [
            {"from": c.from_phase, "to": c.to_phase, "reason": c.reason, "when": _iso(c.changed_at)}
            for c in i.phase_changes.all()
        ],
        "news": [_update_export(u) for u in i.updates.all()],
    }


def _update_export(u: InitiativeUpdate) -> dict:
    return {
        "text": u.text,
        "photo": u.photo.name or u.pending_photo.name or None,
        "review": u.review,
        "photo_description": u.photo_alt,
        "posted_at": _iso(u.created_at),
    }


def _side(c: Connection, user, identity: Identity) -> str:
    emails = {e.lower() for e in identity.emails}
    if c.helper_email.lower() in emails or (c.offer is not None and c.offer.owner_id == user.pk):
        return "helper"
    if c.ambassador is not None and c.ambassador.user_id == user.pk:
        return "helper"
    return "asker"


def _connection_export(c: Connection, user, identity: Identity) -> dict:
    side = _side(c, user, identity)
    other = "asker" if side == "helper" else "helper"
    accepted = c.status == ConnectionStatus.ACCEPTED
    return {
        "you_are": side,
        "your_name": getattr(c, f"{side}_name"),
        "your_email": getattr(c, f"{side}_email"),
        "other_side": getattr(c, f"{other}_name"),
        # Addresses are exchanged only after two yeses; the download does the same.
        "other_email": getattr(c, f"{other}_email") if accepted else None,
        "about": c.need.description if c.need else c.request.title,
        "message": c.message,
        "status": c.status,
        "proposed_at": _iso(c.created_at),
        "decided_at": _iso(c.decided_at),
    }


def export(user) -> dict:
    identity = identity_of(user)
    profile = AmbassadorProfile.objects.filter(user=user).first()
    requests = _requests_of(user, identity).prefetch_related("events").order_by("created_at", "pk")
    initiatives = (
        Initiative.objects.filter(owner=user)
        .prefetch_related("needs", "phase_changes", "updates")
        .order_by("created_at", "pk")
    )
    news_elsewhere = (
        InitiativeUpdate.objects.filter(author=user)
        .exclude(initiative__owner=user)
        .select_related("initiative")
        .order_by("created_at", "pk")
    )
    connections = (
        _connections_of(user, identity)
        .select_related("need", "request", "offer", "ambassador")
        .order_by("created_at", "pk")
    )
    return {
        "requests": [_request_export(r) for r in requests],
        "initiatives": [_initiative_export(i) for i in initiatives],
        "news_on_other_initiatives": [
            {"initiative": u.initiative.title, **_update_export(u)} for u in news_elsewhere
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
        "introductions": [_connection_export(c, user, identity) for c in connections],
        **_moderation_export(user),
    }


def _moderation_export(user) -> dict:
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


# --- Delete my account ----------------------------------------------------------------------------


def erase(user) -> None:
    """See the module's docstring for what goes and what stays without a name."""
    identity = identity_of(user)
    requests = _requests_of(user, identity)
    # The name they gave with a question may differ from their account's: take it out of kept texts too.
    identity = identity.with_names(set(requests.values_list("name", flat=True)))
    _erase_follows(user)
    _erase_connections(user, identity)
    requests.delete()
    _erase_initiatives(user, identity)
    Offer.objects.filter(owner=user).delete()
    AmbassadorProfile.objects.filter(user=user).delete()
    _erase_moderation(user, identity)
    _erase_work_for_others(user, identity)


def _erase_follows(user) -> None:
    followed = list(Follow.objects.filter(user=user).values_list("initiative_id", flat=True))
    Follow.objects.filter(user=user).delete()
    counts = dict(
        Follow.objects.filter(initiative_id__in=followed)
        .values_list("initiative_id")
        .annotate(n=Count("pk"))
        .values_list("initiative_id", "n")
    )
    for pk in followed:
        Initiative.objects.filter(pk=pk).update(followers_count=counts.get(pk, 0))


def _erase_connections(user, identity: Identity) -> None:
    mine = _connections_of(user, identity).select_related("offer", "ambassador")
    for connection in mine.filter(status=ConnectionStatus.ACCEPTED):
        side = _side(connection, user, identity)
        Connection.objects.filter(pk=connection.pk).update(
            **{f"{side}_name": REMOVED, f"{side}_email": "", "message": ""}
        )
        # Where they are both sides' subject (their own offer for their own need), both go.
        scrub_rows(Connection.objects.filter(pk=connection.pk), identity, skip=("message",))
    _connections_of(user, identity).exclude(status=ConnectionStatus.ACCEPTED).delete()
    Connection.objects.filter(proposed_by=user).update(proposed_by=None)


def _erase_initiatives(user, identity: Identity) -> None:
    owned = _owned_initiatives(user)
    kept = [i.pk for i in owned if _stays(i)]
    gone = Initiative.objects.filter(pk__in=[i.pk for i in owned if not _stays(i)])
    for rows in _hanging_on(gone):
        delete_files_on_commit(rows)  # the news photos
    gone.delete()
    for initiative in Initiative.objects.filter(pk__in=kept):
        _scrub_initiative(initiative, identity)
    Initiative.objects.filter(pk__in=kept).update(owner=None)


def _hanging_on(initiatives) -> list[QuerySet]:
    """The rows of every model that belongs to these initiatives (needs, phase history, news, …), but
    not other people's requests that are linked to one."""
    return [
        relation.related_model._default_manager.filter(**{f"{relation.field.name}__in": initiatives})
        for relation in Initiative._meta.related_objects
        if relation.one_to_many and relation.related_model is not Request
    ]


def _scrub_initiative(initiative: Initiative, identity: Identity) -> None:
    """Their names and addresses out of an initiative that stays and out of everything on it."""
    scrub_rows(Initiative.objects.filter(pk=initiative.pk), identity)
    for rows in _hanging_on([initiative.pk]):
        scrub_rows(rows, identity)
    # Its web address too, when it spells their name ("wandelen-met-jan").
    words = slugify(identity.scrub(initiative.slug.replace("-", " ")))
    if words != initiative.slug:
        slug, n = words[:130] or "initiatief", 2
        while slug in RESERVED_SLUGS or Initiative.objects.filter(slug=slug).exists():
            slug, n = f"{words[:130]}-{n}", n + 1
        Initiative.objects.filter(pk=initiative.pk).update(slug=slug)


def _erase_moderation(user, identity: Identity) -> None:
    """Texts and news they sent that were never published go (a waiting photo after the commit);
    decided texts stay in an initiative's history without their name; so do partner answers."""
    InitiativeRevision.objects.filter(author=user, status=RevisionStatus.PENDING).delete()
    unpublished = InitiativeUpdate.objects.filter(author=user).exclude(review=Review.PUBLIC)
    delete_files_on_commit(unpublished)
    unpublished.delete()
    history = InitiativeRevision.objects.filter(author=user)
    scrub_rows(history, identity)
    history.update(author=None)
    InitiativeRevision.objects.filter(reviewed_by=user).update(reviewed_by=None)
    InitiativeUpdate.objects.filter(reviewed_by=user).update(reviewed_by=None)
    InitiativePartner.objects.filter(requested_by=user).update(requested_by=None)
    InitiativePartner.objects.filter(decided_by=user).update(decided_by=None)


def _erase_work_for_others(user, identity: Identity) -> None:
    """What they did on other people's requests and initiatives stays, without their name."""
    Request.objects.filter(assignee=user).update(assignee=None)
    RequestEvent.objects.filter(kind=EventKind.ASSIGNED, text__in=identity.names).update(text=REMOVED)
    RequestEvent.objects.filter(actor=user).update(actor=None)
    PhaseChange.objects.filter(changed_by=user).update(changed_by=None)
    news = InitiativeUpdate.objects.filter(author=user)
    scrub_rows(news, identity)
    news.update(author=None)


# --- What the deletion page says ------------------------------------------------------------------


def _initiative_line(initiative: Initiative) -> Line:
    title = initiative.title
    if not _stays(initiative):
        return Line(DELETED, _("Je initiatief ‘%(title)s’, met het nieuws en de foto’s.") % {"title": title})
    if initiative.others:
        text = ngettext(
            "Je initiatief ‘%(title)s’ blijft bestaan, want %(count)s persoon volgt het. "
            "Je naam staat er niet meer bij.",
            "Je initiatief ‘%(title)s’ blijft bestaan, want %(count)s mensen volgen het. "
            "Je naam staat er niet meer bij.",
            initiative.others,
        ) % {"title": title, "count": initiative.others}
    else:
        text = _(
            "Je initiatief ‘%(title)s’ blijft bestaan, want het hoort bij %(organisation)s. "
            "Je naam staat er niet meer bij."
        ) % {"title": title, "organisation": initiative.organisation.name}
    return Line(KEPT, text)


def _count_lines(user, identity: Identity) -> list[Line]:
    counts = {
        "requests": _requests_of(user, identity).count(),
        "follows": Follow.objects.filter(user=user).count(),
        "offers": Offer.objects.filter(owner=user).count(),
        "introductions": _connections_of(user, identity).count(),
    }
    texts = {
        "requests": ngettext(
            "Je vraag of idee aan het actiecentrum, met alle berichten erover.",
            "Je %(count)s vragen en ideeën aan het actiecentrum, met alle berichten erover.",
            counts["requests"],
        ),
        "follows": ngettext(
            "Dat je %(count)s initiatief volgt.", "Dat je %(count)s initiatieven volgt.", counts["follows"]
        ),
        "offers": ngettext(
            "Je aanbod om te helpen.", "Je %(count)s aanbiedingen om te helpen.", counts["offers"]
        ),
        "introductions": ngettext(
            "Je naam en e-mailadres bij %(count)s kennismaking via het actiecentrum.",
            "Je naam en e-mailadres bij %(count)s kennismakingen via het actiecentrum.",
            counts["introductions"],
        ),
    }
    return [Line(DELETED, texts[key] % {"count": n}) for key, n in counts.items() if n]


def summary(user) -> list[Line]:
    identity = identity_of(user)
    lines = _count_lines(user, identity)
    lines += [_initiative_line(i) for i in _owned_initiatives(user)]
    if AmbassadorProfile.objects.filter(user=user).exists():
        lines.append(Line(DELETED, _("Je profiel als ambassadeur.")))
    news = InitiativeUpdate.objects.filter(author=user).exclude(initiative__owner=user).count()
    if news:
        text = ngettext(
            "Je bericht bij een initiatief van iemand anders blijft staan. Je naam staat er niet meer bij.",
            "Je %(count)s berichten bij initiatieven van anderen blijven staan. "
            "Je naam staat er niet meer bij.",
            news,
        ) % {"count": news}
        lines.append(Line(KEPT, text))
    if Request.objects.filter(Q(assignee=user) | Q(events__actor=user)).exclude(sender=user).exists():
        lines.append(
            Line(KEPT, _("Wat je deed bij vragen van anderen, blijft staan. Je naam staat er niet meer bij."))
        )
    return lines


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
        export=export,
        erase=erase,
        summary=summary,
    )
)
