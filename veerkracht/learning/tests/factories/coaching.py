"""Coaches linked to organisations, for tests."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from veerkracht.accounts.models import MembershipRole, Role
from veerkracht.accounts.services import membership_set
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.learning.models import CoachLink


def make_coach(**kwargs):
    return UserFactory(roles=(Role.COACH,), **kwargs)


def link_coach(coach=None, organisation=None, *, days_ago: int = 30) -> CoachLink:
    return CoachLink.objects.create(
        coach=coach or make_coach(),
        organisation=organisation or OrganisationFactory(),
        starts_on=timezone.localdate() - timedelta(days=days_ago),
    )


def make_org_admin(organisation, **kwargs):
    user = UserFactory(**kwargs)
    membership_set(organisation=organisation, user=user, role=MembershipRole.ADMIN)
    return user
