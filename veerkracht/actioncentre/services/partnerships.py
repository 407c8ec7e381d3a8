"""Partners of an initiative, with the organisation's consent (models/partnerships.py).

The people who manage an initiative ask organisations to be named as partners; the admins of each
organisation (Membership role admin) get an e-mail and accept or decline. Only accepted links show,
on the initiative's page and on the organisation's page.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import Membership, MembershipRole, Organisation
from veerkracht.core.audit import log_action

from ..models import Initiative, InitiativePartner, PartnerStatus


@transaction.atomic
def initiative_set_partners(
    *, initiative: Initiative, organisations: Iterable[Organisation], actor
) -> Initiative:
    """Ask the chosen organisations (each once) and drop the ones no longer chosen.

    A decline stays: choosing that organisation again does not ask it again, and unticking it keeps
    the answer, so nobody can keep asking an organisation that said no.
    """
    organisations = list(organisations)
    if any(o.region_id != initiative.region_id for o in organisations):
        raise ValidationError(_("Kies alleen organisaties uit deze regio."))
    chosen = {o.pk: o for o in organisations}
    existing = {link.organisation_id: link for link in initiative.partner_links.select_for_update()}
    dropped = [
        link.pk for pk, link in existing.items() if pk not in chosen and link.status != PartnerStatus.DECLINED
    ]
    InitiativePartner.objects.filter(pk__in=dropped).delete()
    asked = [
        InitiativePartner(initiative=initiative, organisation=organisation, requested_by=actor)
        for pk, organisation in chosen.items()
        if pk not in existing
    ]
    InitiativePartner.objects.bulk_create(asked)
    log_action(
        "actioncentre.initiative.partners_set",
        actor=actor,
        subject=initiative,
        data={"asked": sorted(link.organisation_id for link in asked), "dropped": len(dropped)},
    )
    for link in asked:
        transaction.on_commit(lambda link=link: _mail_admins(initiative, link.organisation), robust=True)
    return initiative


@transaction.atomic
def partner_link_decide(*, link: InitiativePartner, actor, accept: bool) -> InitiativePartner:
    """An admin of the organisation says yes or no (and may change their mind later)."""
    is_admin = Membership.objects.filter(
        user_id=getattr(actor, "pk", None), organisation_id=link.organisation_id, role=MembershipRole.ADMIN
    ).exists()
    if not is_admin:
        raise PermissionDenied
    link = InitiativePartner.objects.select_for_update(of=("self",)).get(pk=link.pk)
    status = PartnerStatus.ACCEPTED if accept else PartnerStatus.DECLINED
    if link.status == status:
        return link
    link.status, link.decided_by, link.decided_at = status, actor, timezone.now()
    link.save(update_fields=["status", "decided_by", "decided_at"])
    log_action(
        "actioncentre.partner.decided",
        actor=actor,
        subject=link.initiative,
        data={"organisation": link.organisation_id, "status": status},
    )
    return link


def admin_emails(organisation: Organisation) -> list[str]:
    return list(
        Membership.objects.filter(organisation=organisation, role=MembershipRole.ADMIN, user__is_active=True)
        .exclude(user__email="")
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )


def _mail_admins(initiative: Initiative, organisation: Organisation) -> None:
    from veerkracht.core.mail import mail_enqueue

    recipients = admin_emails(organisation)
    if not recipients:
        return  # nobody can answer yet; the people who asked see that on the partners page
    region = initiative.region
    context = {
        "initiative": initiative,
        "organisation": organisation,
        "url": settings.SITE_URL + reverse("partnerships:requests", args=[organisation.slug]),
        "initiative_url": settings.SITE_URL + reverse("initiatives:detail", args=[initiative.slug]),
        "movement_name": region.movement_name,
    }
    subject = _("%(movement)s: doet %(organisation)s mee met %(title)s?") % {
        "movement": region.movement_name,
        "organisation": organisation.name,
        "title": initiative.title,
    }
    body = render_to_string("actioncentre/partnerships/email/request.txt", context)
    # One e-mail per admin (mail_enqueue): they do not see each other's addresses.
    mail_enqueue(subject=subject, body=body, to=recipients)
