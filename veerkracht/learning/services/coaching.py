"""Writes of implementation coaching: the coordinator links coaches to organisations; coaches keep the
implementation plan (goals, agreed steps) and its log of contacts; the organisation's admins tick off
steps. Every decision of the coordinator is logged."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import Organisation, Role
from veerkracht.core.audit import log_action

from ..models import CoachingContact, CoachLink, ImplementationPlan, PlanStep


@transaction.atomic
def coach_link_create(
    *, coach, organisation: Organisation, starts_on: date, ends_on: date | None = None, by=None
) -> CoachLink:
    if not coach.has_role(Role.COACH):
        raise ValidationError({"coach": _("Deze persoon is geen implementatiecoach.")})
    # Locks the organisation's links, so two coordinators cannot link the same coach twice at once.
    overlapping = CoachLink.objects.select_for_update().filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on), coach=coach, organisation=organisation
    )
    if ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=ends_on)
    if list(overlapping):
        raise ValidationError({"coach": _("Deze coach is al aan deze organisatie gekoppeld.")})
    link = CoachLink(
        coach=coach, organisation=organisation, starts_on=starts_on, ends_on=ends_on, assigned_by=by
    )
    link.full_clean()
    link.save()
    log_action("learning.coaching.linked", actor=by, subject=organisation, person=coach)
    return link


@transaction.atomic
def coach_link_end(*, link: CoachLink, by=None) -> None:
    """Stop a link today: the coach no longer sees the plan. A link that had not started yet goes."""
    link = CoachLink.objects.select_for_update().get(pk=link.pk)
    today = timezone.localdate()
    log_action("learning.coaching.unlinked", actor=by, subject=link.organisation, person=link.coach)
    if link.starts_on >= today:
        link.delete()
        return
    if link.ends_on is not None and link.ends_on < today:
        return
    link.ends_on = today - timedelta(days=1)
    link.full_clean()
    link.save(update_fields=["ends_on", "updated_at"])


def _plan(organisation: Organisation) -> ImplementationPlan:
    plan, _created = ImplementationPlan.objects.select_for_update().get_or_create(organisation=organisation)
    return plan


@transaction.atomic
def plan_goals_save(*, organisation: Organisation, goals: str, by=None) -> ImplementationPlan:
    plan = _plan(organisation)
    plan.goals = goals.strip()
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def plan_step_add(
    *, organisation: Organisation, text: str, due_on: date | None = None, owner: str = "", by=None
) -> PlanStep:
    plan = _plan(organisation)  # locked: a double submit waits here, then finds the first step
    recent = timezone.now() - timedelta(minutes=1)
    same = plan.steps.filter(text=text.strip(), due_on=due_on, created_at__gte=recent).first()
    if same is not None:
        return same
    step = PlanStep(plan=plan, text=text.strip(), due_on=due_on, owner=owner.strip())
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def plan_step_mark_done(*, step: PlanStep, done: bool = True, on: date | None = None, by=None) -> PlanStep:
    """Tick a step off (today, or `on`) or back on. Ticking twice keeps the first date."""
    step = PlanStep.objects.select_for_update().get(pk=step.pk)
    if done and step.done_on is None:
        step.done_on = on or timezone.localdate()
    elif not done:
        step.done_on = None
    step.full_clean()
    step.save(update_fields=["done_on", "updated_at"])
    return step


@transaction.atomic
def coaching_contact_add(
    *, organisation: Organisation, happened_on: date, kind: str, hours: Decimal, notes: str, author
) -> CoachingContact:
    if happened_on > timezone.localdate():
        raise ValidationError({"happened_on": _("Een contact kan niet in de toekomst liggen.")})
    plan = _plan(organisation)  # locked: a double submit waits here, then finds the first contact
    recent = timezone.now() - timedelta(minutes=1)
    same = plan.contacts.filter(
        happened_on=happened_on, kind=kind, notes=notes.strip(), author=author, created_at__gte=recent
    ).first()
    if same is not None:
        return same
    contact = CoachingContact(
        plan=plan,
        happened_on=happened_on,
        kind=kind,
        hours=hours,
        notes=notes.strip(),
        author=author,
    )
    contact.full_clean()
    contact.save()
    return contact
