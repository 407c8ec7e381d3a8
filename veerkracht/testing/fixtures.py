"""Fixtures for every app's tests: the region and the personas (DESIGN.md, house style 8)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.regions.models import Region
from veerkracht.regions.services import DATA_DIR, region_load


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Rate limits and used TOTP codes live in the cache: never leak them between tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def region(db) -> Region:
    return region_load(
        slug="limburg",
        province="PV31",
        name="Limburg",
        movement_name="Limburg Positief Gezond",
        subregions_path=DATA_DIR / "subregions_limburg.csv",
    ).region


def _persona(region: Region, email: str, *roles: str, municipality: str = "GM0935"):
    return UserFactory(
        email=email,
        roles=roles,
        municipality=region.municipalities.get(code=municipality),
        age_band="35-44",
    )


@pytest.fixture
def resident(region):
    return _persona(region, "inwoner@example.org")


@pytest.fixture
def outsider(region):
    """Another resident: must never see what belongs to `resident`."""
    return _persona(region, "buitenstaander@example.org", municipality="GM0983")


@pytest.fixture
def professional(region):
    return _persona(region, "professional@example.org", Role.PROFESSIONAL)


@pytest.fixture
def ambassador(region):
    return _persona(region, "ambassadeur@example.org", Role.AMBASSADOR)


@pytest.fixture
def staff(region):
    return _persona(region, "actiecentrum@example.org", Role.STAFF)


@pytest.fixture
def partner_admin(region):
    return _persona(region, "partner@example.org", Role.PARTNER_ADMIN)


@pytest.fixture
def analyst(region):
    return _persona(region, "analist@example.org", Role.ANALYST)


@pytest.fixture
def region_admin(region):
    return _persona(region, "beheer@example.org", Role.REGION_ADMIN)


@pytest.fixture
def client_for():
    """A test client logged in as the given user (MFA is set up by the factory for staff roles)."""

    def make(user) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user, backend="veerkracht.accounts.backends.LoginBackend")
        return client

    return make


@pytest.fixture
def instruments(db):
    from veerkracht.spiderweb.services.instruments import instruments_load_bundled

    return {i.slug: i for i in instruments_load_bundled()}


@pytest.fixture
def make_web(instruments):
    """A completed web for `owner`, every item answered with `score` (or a callable per item key)."""
    from veerkracht.spiderweb.tests.factories import WebFactory

    def make(owner, score=6, slug="volwassenen", talk=()):
        return WebFactory(owner=owner, score=score, slug=slug, talk=talk)

    return make
