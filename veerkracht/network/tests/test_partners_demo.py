"""The partners demo: two open applications, role histories (the province from driver to core partner,
supporters who became drivers), about forty support entries; loading it again adds nothing."""

from __future__ import annotations

import pytest

from veerkracht.accounts import demo as accounts_demo
from veerkracht.accounts.models import Organisation, OrganisationType
from veerkracht.network.demo import partners as partners_demo
from veerkracht.network.models import PartnerApplication, PartnerKind, PartnerRole, SupportEntry

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_with_the_province_becoming_core_partner(region):
    accounts_demo.load(region)
    lines = partners_demo.load(region)
    assert any("aanmeldingen" in line for line in lines)
    assert PartnerApplication.objects.filter(status="submitted").count() == 2
    province = Organisation.objects.get(name="Provincie Limburg")
    assert province.type == OrganisationType.PROVINCE and province.is_core_partner
    kinds = list(
        PartnerRole.objects.filter(organisation=province).order_by("starts_on").values_list("kind", "ends_on")
    )
    assert [kind for kind, _ in kinds] == [PartnerKind.DRIVER, PartnerKind.CORE] and kinds[0][1] is not None
    assert PartnerRole.objects.filter(kind=PartnerKind.DRIVER, ends_on__isnull=True).count() >= 2
    assert not Organisation.objects.filter(region=region, partner_roles__isnull=True).exists()
    assert SupportEntry.objects.count() == 40
    counts = (PartnerApplication.objects.count(), PartnerRole.objects.count(), SupportEntry.objects.count())
    assert partners_demo.load(region) == []
    assert (
        PartnerApplication.objects.count(),
        PartnerRole.objects.count(),
        SupportEntry.objects.count(),
    ) == counts
