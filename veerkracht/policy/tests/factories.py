"""factory_boy factory for the policy register, built through the service (so it has its history)."""

from __future__ import annotations

import factory

from veerkracht.policy.models import MunicipalityPolicy
from veerkracht.policy.services import policy_save
from veerkracht.regions.models import Municipality


class PolicyFactory(factory.Factory):
    """A municipality's entry, saved by the system (no person): in the policy since 2018 unless told."""

    class Meta:
        model = MunicipalityPolicy

    code = "GM0935"
    user = None
    in_policy = True
    since_year = 2018
    document_title = "Lokale gezondheidsnota"
    document_url = ""
    levels: tuple[str, ...] = ("meso",)
    themes: tuple[str, ...] = ("debt",)
    notes = ""

    @classmethod
    def _create(cls, model_class, *args, code: str, **kwargs) -> MunicipalityPolicy:
        return policy_save(municipality=Municipality.objects.get(code=code), **kwargs)
