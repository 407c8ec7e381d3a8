"""factory_boy factories. Accounts are built through the services, as the app itself does."""

from __future__ import annotations

import factory

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import Organisation, OrganisationType, User
from veerkracht.accounts.permissions import needs_mfa
from veerkracht.regions.models import Region


class UserFactory(factory.Factory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    display_name = factory.Faker("first_name", locale="nl_NL")
    password = None
    roles: tuple[str, ...] = ()
    municipality = None
    age_band = ""

    @classmethod
    def _create(cls, model_class, *args, **kwargs) -> User:
        roles = kwargs.pop("roles", ())
        user = account_services.user_create(roles=roles, **kwargs)
        if needs_mfa(user):
            activate_totp(user)
        return user


def activate_totp(user: User) -> str:
    """Give a user a TOTP authenticator; returns the secret so tests can compute codes."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(user: User) -> str:
    import time

    if time.time() % 30 > 27:  # a code about to expire would make tests flaky
        time.sleep(30 - time.time() % 30 + 0.2)
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    auth = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = get_adapter().decrypt(auth.data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


class OrganisationFactory(factory.Factory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    type = OrganisationType.WELFARE
    is_core_partner = False

    @classmethod
    def _create(cls, model_class, *args, **kwargs) -> Organisation:
        if kwargs.get("region") is None:
            kwargs["region"] = Region.objects.get(slug="limburg")
        return account_services.organisation_create(**kwargs)
