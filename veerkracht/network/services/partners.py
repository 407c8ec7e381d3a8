"""Writes for partners: applying, staff deciding, and the role history (which keeps the organisation's
core-partner mark in step with its current role).

Accepting an application creates the organisation through the accounts services, makes the applicant
its admin, starts its history as supporter and makes a partner page that stays hidden until the admin
has written what the organisation does (actioncentre services). Mails are queued and go after commit.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import MembershipRole, Organisation, Role
from veerkracht.actioncentre.services import connect as connect_services
from veerkracht.core.audit import log_action
from veerkracht.core.mail import mail_enqueue
from veerkracht.regions.models import Municipality, Region

from ..models import PartnerApplication, PartnerApplicationStatus, PartnerKind, PartnerRole

Status = PartnerApplicationStatus
FIRST_ROLE_REASON = "aangemeld via het platform"


def _check_municipality(municipality: Municipality | None, region: Region) -> None:
    if municipality is not None and municipality.region_id != region.pk:
        raise ValidationError({"municipality": _("Kies een gemeente in deze regio.")})


def open_application_error() -> str:
    return _(
        "Je hebt al een aanmelding als partner die nog loopt. Wacht op ons antwoord, of trek die "
        "aanmelding eerst in."
    )


@transaction.atomic
def partner_application_submit(
    *,
    user,
    region: Region,
    organisation_name: str,
    organisation_type: str,
    intent: str,
    contact_name: str,
    municipality: Municipality | None = None,
    organisation_email: str = "",
    contact_phone: str = "",
) -> PartnerApplication:
    """An organisation applies; the person logged in is its contact (and later its admin)."""
    _check_municipality(municipality, region)
    if PartnerApplication.objects.select_for_update().filter(user=user, status=Status.SUBMITTED).exists():
        raise ValidationError(open_application_error())
    application = PartnerApplication(
        user=user,
        region=region,
        organisation_name=organisation_name.strip(),
        organisation_type=organisation_type,
        municipality=municipality,
        organisation_email=organisation_email.strip(),
        intent=intent.strip(),
        contact_name=contact_name.strip(),
        contact_email=user.email,
        contact_phone=contact_phone.strip(),
    )
    application.full_clean()
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:  # the same person, at the same moment, in another tab
        raise ValidationError(open_application_error()) from exc
    log_action("network.partner_application.submitted", actor=user, subject=application, person=user)
    mail_enqueue(
        subject=_("We hebben je aanmelding als partner ontvangen"),
        body=_(
            "Bedankt voor de aanmelding van %(name)s als partner. Het actiecentrum leest hem en laat je "
            "binnen twee weken weten wat we afspreken."
        )
        % {"name": application.organisation_name},
        to=[application.contact_email],
        key=f"network.partner_application.submitted:{application.pk}",
    )
    return application


@transaction.atomic
def partner_application_withdraw(*, application: PartnerApplication, user) -> PartnerApplication:
    application = PartnerApplication.objects.select_for_update().get(pk=application.pk, user=user)
    if not application.is_open:
        raise ValidationError(_("Deze aanmelding loopt niet meer."))
    application.status = Status.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    log_action("network.partner_application.withdrawn", actor=user, subject=application, person=user)
    return application


def _locked_open(application: PartnerApplication) -> PartnerApplication:
    application = PartnerApplication.objects.select_for_update().select_related("user").get(pk=application.pk)
    if not application.is_open:
        raise ValidationError(_("Over deze aanmelding is al besloten."))
    return application


def _decided(application: PartnerApplication, *, status: str, message: str, actor) -> None:
    application.status = status
    application.message = message.strip()
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.full_clean()
    application.save()


@transaction.atomic
def partner_application_accept(
    *, application: PartnerApplication, actor, message: str = ""
) -> PartnerApplication:
    """Accept: the organisation, its admin, its first role and a hidden partner page, in one go."""
    application = _locked_open(application)
    organisation = account_services.organisation_create(
        name=application.organisation_name,
        type=application.organisation_type,
        region=application.region,
        municipality=application.municipality,
        email=application.organisation_email,
        actor=actor,
    )
    account_services.membership_set(
        organisation=organisation, user=application.user, role=MembershipRole.ADMIN, actor=actor
    )
    account_services.role_grant(user=application.user, role=Role.PARTNER_ADMIN, actor=actor)
    _role_start(
        organisation=organisation,
        kind=PartnerKind.SUPPORTER,
        starts_on=timezone.localdate(),
        reason=FIRST_ROLE_REASON,
        actor=actor,
    )
    connect_services.partner_page_update(
        organisation=organisation, actor=actor, description="", website="", is_public=False
    )
    application.organisation = organisation
    _decided(application, status=Status.ACCEPTED, message=message, actor=actor)
    log_action(
        "network.partner_application.accepted", actor=actor, subject=application, person=application.user
    )
    _mail_decision(application)
    return application


@transaction.atomic
def partner_application_decline(*, application: PartnerApplication, actor, reason: str) -> PartnerApplication:
    if not reason.strip():
        raise ValidationError(
            {"message": _("Schrijf waarom je de aanmelding afwijst. De aanvrager leest dit.")}
        )
    application = _locked_open(application)
    _decided(application, status=Status.DECLINED, message=reason, actor=actor)
    log_action(
        "network.partner_application.declined", actor=actor, subject=application, person=application.user
    )
    _mail_decision(application)
    return application


def _mail_decision(application: PartnerApplication) -> None:
    if application.status == Status.ACCEPTED:
        subject = _("Welkom als partner")
        body = _(
            "%(name)s is nu partner van de beweging, en jij bent de beheerder van de organisatie op de "
            "website. Vul je partnerpagina in: schrijf wat jullie doen. Dan kan iedereen de pagina zien."
        ) % {"name": application.organisation_name}
    else:
        subject = _("Over je aanmelding als partner")
        body = _("We hebben je aanmelding van %(name)s gelezen en gaan nu niet verder.") % {
            "name": application.organisation_name
        }
    if application.message:
        body += "\n\n" + application.message
    body += "\n\n" + _("Meer lees je op de website: %(url)s") % {
        "url": settings.SITE_URL + reverse("network:partner_application_mine")
    }
    mail_enqueue(
        subject=subject,
        body=body,
        to=[application.contact_email],
        key=f"network.partner_application.{application.status}:{application.pk}",
    )


# --- Role history -----------------------------------------------------------------------------------


def _role_start(*, organisation: Organisation, kind: str, starts_on: date, reason: str, actor) -> PartnerRole:
    role = PartnerRole(
        organisation=organisation, kind=kind, starts_on=starts_on, reason=reason.strip(), created_by=actor
    )
    role.full_clean()
    role.save()
    account_services.organisation_set_core_partner(
        organisation=organisation, is_core_partner=kind == PartnerKind.CORE, actor=actor
    )
    return role


@transaction.atomic
def partner_role_change(
    *, organisation: Organisation, kind: str, starts_on: date, reason: str, actor
) -> PartnerRole:
    """A new role from `starts_on`: the role before it ends the day before. Never in the future (the
    core-partner mark follows the current role) and never before the last change."""
    if kind not in PartnerKind.values:
        raise ValidationError({"kind": _("Kies een rol uit de lijst.")})
    if starts_on > timezone.localdate():
        raise ValidationError({"starts_on": _("Een nieuwe rol kan niet in de toekomst beginnen.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf waarom de rol verandert.")})
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()  # one change at a time
    current = PartnerRole.objects.filter(organisation=organisation).order_by("-starts_on", "-pk").first()
    if current is not None:
        if current.kind == kind and current.ends_on is None:
            raise ValidationError({"kind": _("Deze organisatie heeft die rol nu al.")})
        if starts_on <= current.starts_on:
            raise ValidationError(
                {
                    "starts_on": _("Kies een datum na %(date)s: toen begon de vorige rol.")
                    % {"date": current.starts_on.strftime("%d-%m-%Y")}
                }
            )
        if current.ends_on is None or current.ends_on >= starts_on:
            current.ends_on = starts_on - timedelta(days=1)
            current.full_clean()
            current.save(update_fields=["ends_on"])
    role = _role_start(organisation=organisation, kind=kind, starts_on=starts_on, reason=reason, actor=actor)
    log_action(
        "network.partner_role.changed",
        actor=actor,
        subject=organisation,
        data={"kind": kind, "starts_on": starts_on.isoformat()},
    )
    return role
