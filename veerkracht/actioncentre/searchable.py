"""What one search over the site finds in the action centre: public initiatives, visible offers,
ambassadors with a public profile and partners with a public page (core/search.py).

A document is built only for what anyone may see on the public pages; for anything else it is None,
so the index drops it (an initiative turned down, an offer hidden, a profile made private, a person who
lost the ambassador role).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.search import Document, Source, register

from .models import AmbassadorProfile, Initiative, Offer, PartnerProfile, Review
from .permissions.connect import ambassadors_for_user
from .selectors.connect import partner_organisations
from .vocab import HELP_TYPES


def _place(obj) -> dict:
    municipality = getattr(obj, "municipality", None)
    subregion = getattr(obj, "subregion", None)
    return {
        "municipality_code": municipality.code if municipality is not None else "",
        "subregion": subregion.slug if subregion is not None else "",
    }


# --- initiatives ---------------------------------------------------------------------------------


def _initiative(initiative: Initiative) -> Document | None:
    if initiative.review != Review.PUBLIC:
        return None
    return Document(
        title=initiative.title,
        summary=initiative.summary,
        body=f"{initiative.description}\n{initiative.who}",
        url=reverse("initiatives:detail", args=[initiative.slug]),
        date=initiative.created_at,
        dimensions=initiative.dimensions,
        themes=initiative.themes,
        extra={"phase": initiative.phase},
        **_place(initiative),
    )


register(
    Source(
        key="initiative",
        label=_("Initiatieven"),
        model="actioncentre.Initiative",
        document=_initiative,
        objects=lambda region: Initiative.objects.filter(region=region, review=Review.PUBLIC).select_related(
            "municipality", "subregion"
        ),
        region_of=lambda initiative: initiative.region_id,
        order=10,
    )
)


# --- offers --------------------------------------------------------------------------------------


def _offer(offer: Offer) -> Document | None:
    if not offer.is_active:
        return None
    return Document(
        title=offer.title,
        summary=str(HELP_TYPES.labels.get(offer.help_type, "")),
        body=offer.description,
        url=reverse("connect:offer", args=[offer.pk]),
        date=offer.created_at,
        dimensions=offer.dimensions,
        themes=offer.themes,
        extra={"help_type": offer.help_type},
        **_place(offer),
    )


register(
    Source(
        key="offer",
        label=_("Aanbod"),
        model="actioncentre.Offer",
        document=_offer,
        objects=lambda region: Offer.objects.filter(region=region, is_active=True).select_related(
            "municipality", "subregion"
        ),
        region_of=lambda offer: offer.region_id,
        order=50,
    )
)


# --- ambassadors ---------------------------------------------------------------------------------


def _ambassador(profile: AmbassadorProfile) -> Document | None:
    public = ambassadors_for_user(AnonymousUser(), profile.region_id).filter(pk=profile.pk)
    if not profile.is_public or not public.exists():
        return None
    return Document(
        title=profile.user.display_name,
        summary=profile.expertise,
        body=profile.bio,
        url=reverse("connect:ambassador", args=[profile.pk]),
        dimensions=profile.dimensions,
        themes=profile.themes,
        **_place(profile),
    )


def _profiles_of_user(obj) -> list[AmbassadorProfile]:
    user_id = getattr(obj, "user_id", None) or obj.pk  # a role, a profile of the person, or the user
    return list(AmbassadorProfile.objects.filter(user_id=user_id).select_related("user__profile"))


register(
    Source(
        key="ambassador",
        label=_("Ambassadeurs"),
        model="actioncentre.AmbassadorProfile",
        document=_ambassador,
        objects=lambda region: AmbassadorProfile.objects.filter(region=region, is_public=True).select_related(
            "user__profile", "municipality", "subregion"
        ),
        region_of=lambda profile: profile.region_id,
        order=60,
        # The name, the role and whether the account is active live in accounts.
        follows=(
            ("accounts.RoleAssignment", _profiles_of_user),
            ("accounts.Profile", _profiles_of_user),
            ("accounts.User", _profiles_of_user),
        ),
    )
)


# --- partners ------------------------------------------------------------------------------------


def _partner(organisation: Organisation) -> Document | None:
    if not partner_organisations(organisation.region_id).filter(pk=organisation.pk).exists():
        return None
    profile = PartnerProfile.objects.filter(organisation=organisation).select_related("subregion").first()
    return Document(
        title=organisation.name,
        summary=str(organisation.get_type_display()),
        body=organisation.description,
        url=reverse("connect:partner", args=[organisation.slug]),
        municipality_code=organisation.municipality.code if organisation.municipality_id else "",
        subregion=profile.subregion.slug if profile is not None and profile.subregion_id else "",
        dimensions=profile.dimensions if profile is not None else 0,
        themes=profile.themes if profile is not None else 0,
    )


register(
    Source(
        key="partner",
        label=_("Partners"),
        model="accounts.Organisation",
        document=_partner,
        objects=lambda region: partner_organisations(region),
        region_of=lambda organisation: organisation.region_id,
        order=70,
        follows=(("actioncentre.PartnerProfile", lambda profile: [profile.organisation]),),
    )
)
