"""Reads of the accounts app: for its own pages and for other apps."""

from __future__ import annotations

from django.db.models import QuerySet

from veerkracht.core.personal_data import Identity
from veerkracht.regions.models import Region

from .models import Membership, Organisation


def organisations_of_region(region: Region) -> QuerySet[Organisation]:
    """The region's organisations by name (to choose partners from)."""
    return Organisation.objects.filter(region=region).order_by("name")


def memberships_of(user) -> QuerySet[Membership]:
    """The organisations a person belongs to, with their role in each."""
    return user.memberships.select_related("organisation")


def identity_of(user) -> Identity:
    """The names and e-mail addresses by which this person can be recognised (the name others see and
    every address of the account), to take them out of texts that stay after their account is gone."""
    from allauth.account.models import EmailAddress

    emails = {
        user.email.lower(),
        *(e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)),
    }
    return Identity(names=(user.display_name,), emails=tuple(sorted(emails)))
