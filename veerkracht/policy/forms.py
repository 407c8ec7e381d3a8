from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import MunicipalityPolicy, PolicyLevel, SocialTheme, Status

ANSWERS = {"ja": True, "nee": False, "onbekend": None}


class PolicyForm(forms.Form):
    """The entry of one municipality. The service checks the rules between fields (year only with yes)."""

    in_policy = forms.ChoiceField(
        label=_("Staat Positieve Gezondheid in het lokale gezondheidsbeleid?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee")), ("onbekend", _("Weet ik niet"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja, nee of weet ik niet.")},
    )
    since_year = forms.IntegerField(
        label=_("Sinds welk jaar?"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 4}),
        help_text=_("Alleen als het antwoord ja is. Bijvoorbeeld: 2019."),
        error_messages={"invalid": _("Vul een jaartal in, bijvoorbeeld 2019.")},
    )
    document_title = forms.CharField(
        label=_("Naam van het beleidsstuk"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: Lokale gezondheidsnota 2024-2027."),
    )
    document_url = forms.URLField(
        label=_("Link naar het beleidsstuk"),
        max_length=500,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url", "inputmode": "url"}),
        help_text=_("Het adres van de website waar het stuk staat. Begint met https://."),
        error_messages={"invalid": _("Vul een goede link in, bijvoorbeeld https://www.gemeente.nl/nota.")},
    )
    levels = forms.MultipleChoiceField(
        label=_("Op welke niveaus werkt de gemeente met Positieve Gezondheid?"),
        choices=[(k, capfirst(v)) for k, v in PolicyLevel.choices],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Kies niveaus uit de lijst.")},
    )
    themes = forms.MultipleChoiceField(
        label=_("Aan welke sociale thema's koppelt de gemeente Positieve Gezondheid?"),
        choices=[(k, capfirst(v)) for k, v in SocialTheme.choices],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Kies thema's uit de lijst.")},
    )
    notes = forms.CharField(
        label=_("Toelichting"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: wat de gemeente concreet doet, of waar de informatie vandaan komt."),
    )

    @classmethod
    def initial_from(cls, policy: MunicipalityPolicy | None) -> dict:
        if policy is None:
            return {"in_policy": "onbekend"}
        return {
            "in_policy": next(k for k, v in ANSWERS.items() if v is policy.in_policy),
            "since_year": policy.since_year,
            "document_title": policy.document_title,
            "document_url": policy.document_url,
            "levels": policy.levels,
            "themes": policy.themes,
            "notes": policy.notes,
        }

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "in_policy": ANSWERS[data["in_policy"]],
            "since_year": data.get("since_year"),
            "document_title": data.get("document_title", ""),
            "document_url": data.get("document_url", ""),
            "levels": data.get("levels", []),
            "themes": data.get("themes", []),
            "notes": data.get("notes", ""),
        }


class FilterForm(forms.Form):
    """The register's filters (GET). An invalid value is left out, so an old shared link still works."""

    niveau = forms.ChoiceField(
        label=_("Niveau"),
        required=False,
        choices=[("", _("Alle niveaus")), *((k, capfirst(v)) for k, v in PolicyLevel.choices)],
    )
    thema = forms.ChoiceField(
        label=_("Sociaal thema"),
        required=False,
        choices=[("", _("Alle thema's")), *((k, capfirst(v)) for k, v in SocialTheme.choices)],
    )
    status = forms.ChoiceField(
        label=_("Staat het in het beleid?"),
        required=False,
        choices=[("", _("Maakt niet uit")), *((k, capfirst(v)) for k, v in Status.choices)],
    )

    def filters(self) -> dict[str, str]:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "level": data.get("niveau", ""),
            "theme": data.get("thema", ""),
            "status": data.get("status", ""),
        }
