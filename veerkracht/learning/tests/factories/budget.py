"""Funding sources, budget lines and targets for tests."""

from __future__ import annotations

from datetime import date

import factory

from veerkracht.learning.models import BudgetLine, FundingSource, Target, TargetGroup

from .catalogue import limburg


class FundingSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingSource

    region = factory.LazyFunction(limburg)
    name = factory.Sequence(lambda n: f"Scholingsplan {n}")
    amount_cents = 100_000_000
    starts_on = date(2020, 1, 1)
    ends_on = date(2030, 12, 31)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    source = factory.SubFactory(FundingSourceFactory)
    target_group = TargetGroup.PROFESSIONAL
    course = None
    amount_cents = 10_000_000


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    region = factory.LazyFunction(limburg)
    target_group = TargetGroup.PROFESSIONAL
    people = 200
    starts_on = date(2020, 1, 1)
    ends_on = date(2030, 12, 31)
