"""factory_boy factories for regions: a second region (the tests' Limburg comes from the bundled data)."""

from __future__ import annotations

import factory

from veerkracht.regions.models import Municipality, Region


class RegionFactory(factory.django.DjangoModelFactory):
    """Another region than the installation's, with its own municipalities."""

    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = "elders"
    name = "Elders"
    province_code = "PV30"
    movement_name = "Elders"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    region = factory.SubFactory(RegionFactory)
    code = factory.Sequence(lambda n: f"GM9{n:03d}")
    name = factory.Sequence(lambda n: f"Ergens {n}")
    province_code = factory.LazyAttribute(lambda o: o.region.province_code)
    province_name = factory.LazyAttribute(lambda o: o.region.name)
