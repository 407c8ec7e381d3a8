"""Writes for connecting needs and offers: offers, ambassador and partner pages, introductions.

An introduction (Connection) is proposed by the action centre or an initiative's owner. Each side
gets its own private link; e-mail addresses are exchanged only after both sides said yes.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import Membership, Organisation, Role
from veerkracht.accounts.permissions import is_actioncentre_staff
from veerkracht.core.audit import log_action
from veerkracht.core.ratelimit import too_many
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.lib.flags import Flags
from veerkracht.regions.models import Municipality, Region

from ..models import (
    AmbassadorProfile,
    Availability,
    Connection,
    ConnectionStatus,
    Need,
    Offer,
    PartnerProfile,
    Request,
    Review,
)
from ..tokens import hash_token, new_token
from ..vocab import HELP_TYPES

PROPOSALS_PER_DAY = 20  # for initiative owners; staff have no limit

# --- Helpers ----------------------------------------------------------------------------------


def _mask(flags: Flags, keys: Iterable[str], what: str) -> int:
    return flags.checked_mask(keys, _("Kies bij %(what)s alleen uit de lijst.") % {"what": what})


def _check_municipality(municipality: Municipality | None, region: Region) -> None:
    if municipality is not None and municipality.region_id != region.pk:
        raise ValidationError(_("Kies een gemeente in deze regio."))


def _is_member(user, organisation: Organisation | None) -> bool:
    return organisation is None or Membership.objects.filter(user=user, organisation=organisation).exists()


def _check_member(user, organisation: Organisation | None) -> None:
    if not _is_member(user, organisation):
        raise ValidationError(_("Je kunt alleen aanbod doen namens een organisatie waar je bij hoort."))


def _subregion_id(municipality: Municipality | None) -> int | None:
    return municipality.subregion_id if municipality is not None else None


# --- Offers -----------------------------------------------------------------------------------


@transaction.atomic
def offer_create(
    *,
    owner,
    region: Region,
    help_type: str,
    title: str,
    description: str,
    themes: Iterable[str] = (),
    dimensions: Iterable[str] = (),
    municipality: Municipality | None = None,
    organisation: Organisation | None = None,
) -> Offer:
    """Publish an offer. An empty municipality means: anywhere in the region."""
    offer = Offer(region=region, owner=owner)
    _offer_fill(offer, help_type, title, description, themes, dimensions, municipality, organisation)
    offer.full_clean()
    offer.save()
    log_action("actioncentre.offer.created", actor=owner, subject=offer)
    return offer


@transaction.atomic
def offer_update(
    *,
    offer: Offer,
    help_type: str,
    title: str,
    description: str,
    themes: Iterable[str] = (),
    dimensions: Iterable[str] = (),
    municipality: Municipality | None = None,
    organisation: Organisation | None = None,
) -> Offer:
    _offer_fill(offer, help_type, title, description, themes, dimensions, municipality, organisation)
    offer.full_clean()
    offer.save()
    log_action("actioncentre.offer.updated", actor=offer.owner, subject=offer)
    return offer


def _offer_fill(
    offer: Offer, help_type, title, description, themes, dimensions, municipality, organisation
) -> None:
    """Check and set what the offer form asks (its region and owner are set already)."""
    _check_municipality(municipality, offer.region)
    _check_member(offer.owner, organisation)
    offer.help_type = help_type
    offer.title = title.strip()
    offer.description = description.strip()
    offer.themes = _mask(THEMES, themes, _("thema's"))
    offer.dimensions = _mask(DIMENSIONS, dimensions, _("kanten van gezondheid"))
    offer.municipality = municipality
    offer.subregion_id = _subregion_id(municipality)
    offer.organisation = organisation


@transaction.atomic
def offer_set_active(*, offer: Offer, active: bool) -> Offer:
    if offer.is_active != active:
        offer.is_active = active
        offer.save(update_fields=["is_active"])
        code = "actioncentre.offer.shown" if active else "actioncentre.offer.hidden"
        log_action(code, actor=offer.owner, subject=offer)
    return offer


# --- Ambassadors and partners -----------------------------------------------------------------


@transaction.atomic
def ambassador_profile_save(
    *,
    user,
    region: Region,
    expertise: str,
    bio: str = "",
    organisation: Organisation | None = None,
    municipality: Municipality | None = None,
    help_types: Iterable[str] = (),
    themes: Iterable[str] = (),
    dimensions: Iterable[str] = (),
    availability: str = Availability.AVAILABLE,
    is_public: bool = True,
) -> AmbassadorProfile:
    """Create or update the ambassador's own public profile."""
    if not user.has_role(Role.AMBASSADOR):
        raise ValidationError(_("Alleen ambassadeurs hebben een ambassadeursprofiel."))
    _check_municipality(municipality, region)
    if not _is_member(user, organisation):
        raise ValidationError(_("Kies een organisatie waar je bij hoort."))
    profile = AmbassadorProfile.objects.select_for_update().filter(user=user).first()
    created = profile is None
    profile = profile or AmbassadorProfile(user=user)
    profile.region = region
    profile.expertise = expertise.strip()
    profile.bio = bio.strip()
    profile.organisation = organisation
    profile.municipality = municipality
    profile.subregion_id = _subregion_id(municipality)
    profile.help_types = _mask(HELP_TYPES, help_types, _("soorten hulp"))
    profile.themes = _mask(THEMES, themes, _("thema's"))
    profile.dimensions = _mask(DIMENSIONS, dimensions, _("kanten van gezondheid"))
    profile.availability = availability
    profile.is_public = is_public
    profile.full_clean()
    profile.save()
    code = "actioncentre.ambassador.created" if created else "actioncentre.ambassador.updated"
    log_action(code, actor=user, subject=profile, person=user)
    return profile


@transaction.atomic
def partner_page_update(
    *,
    organisation: Organisation,
    actor,
    description: str,
    website: str,
    help_types: Iterable[str] = (),
    themes: Iterable[str] = (),
    dimensions: Iterable[str] = (),
    is_public: bool = True,
) -> PartnerProfile:
    """Update a partner's public page: its PartnerProfile plus the organisation's description and website.

    accounts/services.py has no organisation_update; these two public fields are written here.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    organisation.description = description.strip()
    organisation.website = website.strip()
    organisation.full_clean()
    organisation.save(update_fields=["description", "website", "updated_at"])
    profile = PartnerProfile.objects.select_for_update().filter(organisation=organisation).first()
    if is_public and profile is not None and not profile.is_public and not organisation.description:
        # A new partner's page (network app) goes live once its admin has said what they do.
        raise ValidationError(
            {"description": _("Schrijf eerst wat jullie organisatie doet. Dan kan iedereen de pagina zien.")}
        )
    profile = profile or PartnerProfile(organisation=organisation)
    profile.help_types = _mask(HELP_TYPES, help_types, _("soorten hulp"))
    profile.themes = _mask(THEMES, themes, _("thema's"))
    profile.dimensions = _mask(DIMENSIONS, dimensions, _("kanten van gezondheid"))
    municipality = Municipality.objects.filter(pk=organisation.municipality_id).first()
    profile.subregion_id = _subregion_id(municipality)
    profile.is_public = is_public
    profile.full_clean()
    profile.save()
    log_action("actioncentre.partner.updated", actor=actor, subject=organisation)
    return profile


# --- Connections ------------------------------------------------------------------------------


def _public_name(user, fallback: str) -> str:
    """The name a person chose to show; never User.display_name's fallback (part of the e-mail address)."""
    profile = getattr(user, "profile", None)
    return (profile.display_name if profile is not None else "") or fallback


def _asker(need: Need | None, request: Request | None) -> tuple[str, str]:
    if need is not None:
        initiative = need.initiative
        if initiative.owner is not None and initiative.owner.email:
            return _public_name(initiative.owner, initiative.title), initiative.owner.email
        if initiative.organisation is not None and initiative.organisation.email:
            return initiative.organisation.name, initiative.organisation.email
        raise ValidationError(
            _("Dit initiatief heeft geen eigenaar en geen e-mailadres. We weten niet wie we moeten mailen.")
        )
    if not request.contact_consent:
        raise ValidationError(
            _("Deze persoon heeft niet aangegeven dat het actiecentrum contact mag opnemen. Vraag dat eerst.")
        )
    return request.name, request.email


def _helper(offer: Offer | None, ambassador: AmbassadorProfile | None, partner: Organisation | None):
    if offer is not None:
        if not offer.is_active:
            raise ValidationError(_("Dit aanbod is niet meer zichtbaar."))
        if offer.organisation is not None:
            name = _public_name(offer.owner, "")
            name = f"{name} ({offer.organisation.name})" if name else offer.organisation.name
        else:
            name = _public_name(offer.owner, offer.title)
        return name, offer.owner.email
    if ambassador is not None:
        if not ambassador.user.has_role(Role.AMBASSADOR):
            raise ValidationError(_("Deze persoon is geen ambassadeur meer."))
        if ambassador.availability == Availability.UNAVAILABLE:
            raise ValidationError(_("Deze ambassadeur is nu niet beschikbaar."))
        return _public_name(ambassador.user, _("een ambassadeur")), ambassador.user.email
    if not partner.email:
        raise ValidationError(
            _("Deze organisatie heeft geen e-mailadres. Vraag de organisatie dat in te vullen.")
        )
    return partner.name, partner.email


def _lock_ask(need: Need | None, request: Request | None) -> tuple[Need | None, Request | None]:
    """Lock the need or request: two quick clicks must not introduce the same two people twice."""
    if need is not None:
        locked = Need.objects.select_for_update(of=("self",)).select_related("initiative__owner")
        return locked.get(pk=need.pk), None
    return None, Request.objects.select_for_update(of=("self",)).get(pk=request.pk)


def _check_may_propose(need: Need | None, request: Request | None, proposed_by) -> None:
    if need is not None and not is_actioncentre_staff(proposed_by):
        # Owners propose only for a public initiative, and not endlessly: the introduction mail
        # carries their text to people they chose.
        if need.initiative.review != Review.PUBLIC:
            raise ValidationError(_("Je initiatief staat nog niet op de website. Wacht op goedkeuring."))
        if too_many("connect.propose", str(proposed_by.pk), limit=PROPOSALS_PER_DAY, seconds=86400):
            raise ValidationError(_("Je hebt vandaag al veel mensen voorgesteld. Probeer het morgen weer."))
    if need is not None and not need.is_open:
        raise ValidationError(_("Deze behoefte is al vervuld."))
    if request is not None and not request.is_open:
        raise ValidationError(_("Deze vraag is al afgesloten."))


@transaction.atomic
def connection_propose(
    *,
    need: Need | None = None,
    request: Request | None = None,
    offer: Offer | None = None,
    ambassador: AmbassadorProfile | None = None,
    partner: Organisation | None = None,
    message: str,
    proposed_by,
    base_url: str = "",
) -> Connection:
    """Propose an introduction between a need (or request) and one helper; mail each side its own link."""
    if (need is None) == (request is None):
        raise ValueError("Pass exactly one of need or request")
    if sum(x is not None for x in (offer, ambassador, partner)) != 1:
        raise ValueError("Pass exactly one of offer, ambassador or partner")
    need, request = _lock_ask(need, request)
    _check_may_propose(need, request, proposed_by)
    asker_name, asker_email = _asker(need, request)
    helper_name, helper_email = _helper(offer, ambassador, partner)
    if asker_email.lower() == helper_email.lower():
        raise ValidationError(_("Dit is twee keer dezelfde persoon."))
    open_ones = Connection.objects.filter(
        need=need, request=request, offer=offer, ambassador=ambassador, partner=partner
    ).exclude(status=ConnectionStatus.DECLINED)
    if open_ones.exists():
        raise ValidationError(_("Deze twee zijn al aan elkaar voorgesteld."))
    region_id = need.initiative.region_id if need is not None else request.region_id
    asker_token, helper_token = new_token(), new_token()
    connection = Connection(
        region_id=region_id,
        need=need,
        request=request,
        offer=offer,
        ambassador=ambassador,
        partner=partner,
        asker_name=asker_name[:150],
        asker_email=asker_email,
        helper_name=helper_name[:150],
        helper_email=helper_email,
        message=message.strip(),
        proposed_by=proposed_by,
        asker_token_hash=hash_token(asker_token),
        helper_token_hash=hash_token(helper_token),
    )
    # The answers are null until given (BooleanField(null=True) without blank=True in the model).
    connection.full_clean(exclude=["asker_answer", "helper_answer"])
    connection.save()
    log_action("actioncentre.connection.proposed", actor=proposed_by, subject=connection)
    base = (base_url or settings.SITE_URL).rstrip("/")
    # Queued in this transaction (the answer links exist only in these mails); sent by a job.
    _send_introductions(connection, asker_token, helper_token, base)
    return connection


@transaction.atomic
def connection_answer(*, token: str, accept: bool) -> Connection:
    """One side answers. Both yes: connected, addresses exchanged. One no: the introduction stops."""
    token_hash = hash_token(token)
    connection = (
        Connection.objects.select_for_update()
        .filter(Q(asker_token_hash=token_hash) | Q(helper_token_hash=token_hash))
        .first()
    )
    if connection is None:
        raise Connection.DoesNotExist
    side = connection.side_for(token)
    if getattr(connection, f"{side}_answer") is not None:
        raise ValidationError(_("Je hebt al geantwoord. Je antwoord blijft staan."))
    if connection.status != ConnectionStatus.PROPOSED:
        raise ValidationError(_("Deze kennismaking gaat niet meer door. Je hoeft niets te doen."))
    setattr(connection, f"{side}_answer", accept)
    fields = [f"{side}_answer"]
    if not accept:
        connection.status = ConnectionStatus.DECLINED
    elif connection.asker_answer and connection.helper_answer:
        connection.status = ConnectionStatus.ACCEPTED
    if connection.status != ConnectionStatus.PROPOSED:
        connection.decided_at = timezone.now()
        fields += ["status", "decided_at"]
    connection.save(update_fields=fields)
    data = {"side": side, "accept": accept}
    if connection.status == ConnectionStatus.ACCEPTED:
        log_action("actioncentre.connection.accepted", subject=connection, data=data)
        _mark_request_connected(connection)
        _send_accepted(connection)
    elif connection.status == ConnectionStatus.DECLINED:
        log_action("actioncentre.connection.declined", subject=connection, data=data)
        _send_declined(connection, declined_by=side)
    else:
        log_action("actioncentre.connection.answered", subject=connection, data=data)
    return connection


# --- E-mails ----------------------------------------------------------------------------------


def _mail_context(connection: Connection) -> dict:
    from veerkracht.regions.selectors import current_region

    region = current_region()
    need, request = connection.need, connection.request
    if need is not None:
        about = need.description
        asker_context = need.initiative.title
    else:
        about = request.title
        asker_context = ""
    return {
        "connection": connection,
        "about": about,
        "initiative_title": asker_context,
        "helps_with": connection.helps_with,
        "movement_name": region.movement_name if region else "Veerkracht",
        "contact_email": region.contact_email if region else "",
    }


def _send(template: str, context: dict, subject: str, to: str) -> None:
    from django.template.loader import render_to_string

    from veerkracht.core.mail import mail_enqueue

    connection = context["connection"]
    mail_enqueue(
        subject=f"{context['movement_name']}: {subject}",
        body=render_to_string(f"actioncentre/connect/email/{template}", context),
        to=[to],
        key=f"actioncentre.connection:{connection.pk}:{template}",
    )


def _send_introductions(connection: Connection, asker_token: str, helper_token: str, base: str) -> None:
    from django.urls import reverse

    context = _mail_context(connection)
    for side, token in (("asker", asker_token), ("helper", helper_token)):
        other = connection.helper_name if side == "asker" else connection.asker_name
        own = connection.asker_name if side == "asker" else connection.helper_name
        _send(
            f"introduction_{side}.txt",
            context | {"name": own, "other": other, "link": base + reverse("connect:answer", args=[token])},
            _("Kennismaken met %(name)s?") % {"name": other},
            getattr(connection, f"{side}_email"),
        )


def _send_accepted(connection: Connection) -> None:
    context = _mail_context(connection)
    sides = (
        (connection.asker_name, connection.asker_email, connection.helper_name, connection.helper_email),
        (connection.helper_name, connection.helper_email, connection.asker_name, connection.asker_email),
    )
    for name, email, other, other_email in sides:
        _send(
            "accepted.txt",
            context | {"name": name, "other": other, "other_email": other_email},
            _("Jullie willen allebei kennismaken"),
            email,
        )


def _send_declined(connection: Connection, *, declined_by: str) -> None:
    # Only the side that did not say no hears about it, kindly and without naming a reason.
    side = "helper" if declined_by == "asker" else "asker"
    context = _mail_context(connection) | {
        "name": getattr(connection, f"{side}_name"),
        "other": getattr(connection, f"{declined_by}_name"),
    }
    subject = _("Deze kennismaking gaat niet door")
    _send("declined.txt", context, subject, getattr(connection, f"{side}_email"))


def _mark_request_connected(connection: Connection) -> None:
    """A request whose connection both sides accepted moves to "verbonden" (when its status allows)."""
    from veerkracht.actioncentre.models import REQUEST_TRANSITIONS, RequestStatus

    from .requests import request_change_status

    request = connection.request
    if request is None or RequestStatus.CONNECTED not in REQUEST_TRANSITIONS.get(request.status, set()):
        return
    request_change_status(request=request, to_status=RequestStatus.CONNECTED, actor=connection.proposed_by)
