"""Forms for "verbinden": offers, profiles, filters and proposing an introduction."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation, OrganisationType
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Subregion
from veerkracht.regions.selectors import municipalities_for_region

from ..models import Availability, ConnectionStatus
from ..vocab import HELP_TYPES


def _flags_field(flags, label, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text,
        choices=flags.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


def _my_organisations(user):
    return Organisation.objects.filter(memberships__user=user).order_by("name")


class OfferForm(forms.Form):
    help_type = forms.ChoiceField(
        label=_("Wat bied je aan?"), choices=HELP_TYPES.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=120,
        help_text=_("Kort en duidelijk. Bijvoorbeeld: Zaal voor 30 mensen op dinsdagavond."),
    )
    description = forms.CharField(
        label=_("Vertel er meer over"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Wat is het, wanneer kan het en voor wie? Zet hier geen telefoonnummer of e-mailadres in. "
            "Het actiecentrum brengt mensen met elkaar in contact."
        ),
    )
    themes = _flags_field(THEMES, _("Bij welke thema's past je aanbod?"))
    dimensions = _flags_field(DIMENSIONS, _("Bij welke kanten van gezondheid past je aanbod?"))
    municipality = forms.ModelChoiceField(
        label=_("Waar?"),
        queryset=None,
        required=False,
        empty_label=_("Overal in de regio"),
        help_text=_("Kies een gemeente, of laat dit leeg als je in de hele regio kunt helpen."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Namens een organisatie?"),
        queryset=None,
        required=False,
        empty_label=_("Nee, ik bied dit zelf aan"),
    )

    def __init__(self, *args, region, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities_for_region(region)
        organisations = _my_organisations(user)
        if organisations.exists():
            self.fields["organisation"].queryset = organisations
        else:
            del self.fields["organisation"]

    @staticmethod
    def initial_for(offer) -> dict:
        return {
            "help_type": offer.help_type,
            "title": offer.title,
            "description": offer.description,
            "themes": THEMES.keys_of(offer.themes),
            "dimensions": DIMENSIONS.keys_of(offer.dimensions),
            "municipality": offer.municipality_id,
            "organisation": offer.organisation_id,
        }


class OfferFilterForm(forms.Form):
    help_type = forms.ChoiceField(
        label=_("Soort hulp"), choices=[("", _("Alle soorten")), *HELP_TYPES.choices], required=False
    )
    theme = forms.ChoiceField(
        label=_("Thema"), choices=[("", _("Alle thema's")), *THEMES.choices], required=False
    )
    place = forms.ChoiceField(
        label=_("Waar?"), required=False, help_text=_("Aanbod voor de hele regio staat er ook bij.")
    )
    q = forms.CharField(label=_("Zoek op een woord"), max_length=100, required=False)

    def __init__(self, *args, region, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        subregions = [(f"s{s.pk}", s.name) for s in Subregion.objects.filter(region=region)]
        municipalities = [(f"g{m.pk}", m.name) for m in municipalities_for_region(region)]
        self.fields["place"].choices = [
            ("", _("Overal")),
            (_("Deelregio"), subregions),
            (_("Gemeente"), municipalities),
        ]

    def filters(self) -> dict:
        """The valid filters only: a wrong value in the address is ignored, not an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        place = data.get("place") or ""
        return {
            "help_type": data.get("help_type") or "",
            "theme": data.get("theme") or "",
            "municipality_id": int(place[1:]) if place.startswith("g") else None,
            "subregion_id": int(place[1:]) if place.startswith("s") else None,
            "q": data.get("q") or "",
        }


class AmbassadorFilterForm(forms.Form):
    subregion = forms.TypedChoiceField(label=_("Deelregio"), coerce=int, required=False, empty_value=None)
    theme = forms.ChoiceField(
        label=_("Thema"), choices=[("", _("Alle thema's")), *THEMES.choices], required=False
    )

    def __init__(self, *args, region, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subregion"].choices = [
            ("", _("Alle deelregio's")),
            *((s.pk, s.name) for s in Subregion.objects.filter(region=region)),
        ]

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"subregion_id": data.get("subregion"), "theme": data.get("theme") or ""}


class AmbassadorProfileForm(forms.Form):
    expertise = forms.CharField(
        label=_("Waar kun je mee helpen?"),
        max_length=300,
        help_text=_("Eén of twee zinnen. Bijvoorbeeld: het andere gesprek voeren in de wijk."),
    )
    bio = forms.CharField(
        label=_("Over jou"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=None, required=False, empty_label=_("Geen organisatie")
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente waar je vooral werkt"),
        queryset=None,
        required=False,
        empty_label=_("In de hele regio"),
    )
    help_types = _flags_field(HELP_TYPES, _("Wat kun je bieden?"))
    themes = _flags_field(THEMES, _("Thema's"))
    dimensions = _flags_field(DIMENSIONS, _("Kanten van gezondheid"))
    availability = forms.ChoiceField(
        label=_("Heb je tijd voor nieuwe contacten?"),
        choices=Availability.choices,
        widget=forms.RadioSelect,
        initial=Availability.AVAILABLE,
    )
    is_public = forms.BooleanField(
        label=_("Iedereen mag mijn profiel zien"),
        help_text=_("Je e-mailadres staat nooit op je profiel. Contact loopt via het actiecentrum."),
        required=False,
        initial=True,
    )

    def __init__(self, *args, region, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities_for_region(region)
        self.fields["organisation"].queryset = _my_organisations(user)

    @staticmethod
    def initial_for(profile) -> dict:
        return {
            "expertise": profile.expertise,
            "bio": profile.bio,
            "organisation": profile.organisation_id,
            "municipality": profile.municipality_id,
            "help_types": HELP_TYPES.keys_of(profile.help_types),
            "themes": THEMES.keys_of(profile.themes),
            "dimensions": DIMENSIONS.keys_of(profile.dimensions),
            "availability": profile.availability,
            "is_public": profile.is_public,
        }


class PartnerFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Soort organisatie"),
        choices=[("", _("Alle soorten")), *OrganisationType.choices],
        required=False,
    )

    def filters(self) -> dict:
        self.is_valid()
        return {"type": getattr(self, "cleaned_data", {}).get("type") or ""}


class PartnerPageForm(forms.Form):
    description = forms.CharField(
        label=_("Wat doet jullie organisatie?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    help_types = _flags_field(HELP_TYPES, _("Waarmee kunnen jullie initiatieven helpen?"))
    themes = _flags_field(THEMES, _("Thema's"))
    dimensions = _flags_field(DIMENSIONS, _("Kanten van gezondheid"))
    is_public = forms.BooleanField(label=_("Iedereen mag deze pagina zien"), required=False, initial=True)

    @staticmethod
    def initial_for(organisation) -> dict:
        profile = getattr(organisation, "partner_profile", None)
        initial = {"description": organisation.description, "website": organisation.website}
        if profile is not None:
            initial |= {
                "help_types": HELP_TYPES.keys_of(profile.help_types),
                "themes": THEMES.keys_of(profile.themes),
                "dimensions": DIMENSIONS.keys_of(profile.dimensions),
                # A hidden page without a description is a new partner's, waiting to go live.
                "is_public": profile.is_public or not organisation.description,
            }
        return initial


class ProposeForm(forms.Form):
    """One per suggestion card; `target` names the candidate ("offer-12", "ambassador-3", "partner-5")."""

    target = forms.CharField(widget=forms.HiddenInput, max_length=40)
    message = forms.CharField(
        label=_("Waarom deze twee?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Beide kanten lezen dit in hun e-mail. Schrijf kort waarom ze elkaar kunnen helpen."),
        error_messages={"required": _("Schrijf kort waarom deze twee elkaar kunnen helpen.")},
    )

    def clean_target(self) -> tuple[str, int]:
        kind, _sep, pk = self.cleaned_data["target"].partition("-")
        if kind not in {"offer", "ambassador", "partner"} or not re.fullmatch(r"[0-9]{1,12}", pk):
            raise forms.ValidationError(_("Kies iemand uit de lijst."))
        return kind, int(pk)


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("yes", _("Ja")), ("no", _("Nee"))])


class ConnectionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle")), *ConnectionStatus.choices], required=False
    )

    def filters(self) -> dict:
        self.is_valid()
        return {"status": getattr(self, "cleaned_data", {}).get("status") or ""}
