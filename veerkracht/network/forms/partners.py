from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import OrganisationType

from ..models import PartnerKind

DATE_ERRORS = {"required": _("Vul een datum in."), "invalid": _("Vul een datum in als dag-maand-jaar.")}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PartnerApplicationForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Naam van de organisatie"),
        max_length=150,
        error_messages={
            "required": _("Vul de naam van de organisatie in."),
            "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
        },
    )
    organisation_type = forms.ChoiceField(
        label=_("Soort organisatie"),
        choices=[("", _("Kies een soort")), *OrganisationType.choices],
        error_messages={
            "required": _("Kies de soort organisatie."),
            "invalid_choice": _("Kies een soort uit de lijst."),
        },
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=None,
        required=False,
        empty_label=_("De hele regio"),
        help_text=_("Waar werken jullie vooral? Werken jullie in de hele regio, laat dit dan zo staan."),
        error_messages={"invalid_choice": _("Kies een gemeente uit de lijst.")},
    )
    intent = forms.CharField(
        label=_("Wat willen jullie doen met Positieve Gezondheid?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Bijvoorbeeld: wat jullie al doen, wat jullie willen leren of wat jullie kunnen bieden."),
        error_messages={
            "required": _("Schrijf wat jullie willen doen."),
            "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
        },
    )
    organisation_email = forms.EmailField(
        label=_("Algemeen e-mailadres van de organisatie"),
        required=False,
        help_text=_("Hierop brengen we initiatieven met jullie in contact."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals info@organisatie.nl.")},
    )
    contact_name = forms.CharField(
        label=_("Jouw naam"),
        max_length=100,
        help_text=_(
            "Jij bent de contactpersoon. Als we de aanmelding aannemen, beheer jij de partnerpagina."
        ),
        error_messages={
            "required": _("Vul je naam in."),
            "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
        },
    )
    contact_phone = forms.CharField(
        label=_("Jouw telefoonnummer"),
        max_length=30,
        required=False,
        error_messages={"max_length": _("Schrijf hoogstens %(limit_value)d tekens.")},
    )

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities

    def clean_contact_phone(self) -> str:
        phone = self.cleaned_data["contact_phone"].strip()
        if phone and not all(c.isdigit() or c in "+-() " for c in phone):
            raise forms.ValidationError(_("Een telefoonnummer heeft alleen cijfers, spaties, + of -."))
        return phone


class AcceptForm(forms.Form):
    prefix = "accept"  # shown next to DeclineForm: field ids must differ
    message = forms.CharField(
        label=_("Bericht aan de aanvrager"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld een welkom of een afspraak voor een kennismaking."),
        error_messages={"max_length": _("Schrijf hoogstens %(limit_value)d tekens.")},
    )


class DeclineForm(forms.Form):
    prefix = "decline"
    message = forms.CharField(
        label=_("Waarom wijs je de aanmelding af?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De aanvrager leest dit. Schrijf het vriendelijk en duidelijk."),
        error_messages={
            "required": _("Schrijf waarom je de aanmelding afwijst. De aanvrager leest dit."),
            "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
        },
    )


class RoleChangeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Nieuwe rol"),
        choices=[("", _("Kies een rol")), *PartnerKind.choices],
        error_messages={"required": _("Kies een rol."), "invalid_choice": _("Kies een rol uit de lijst.")},
    )
    starts_on = forms.DateField(
        label=_("Vanaf"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    reason = forms.CharField(
        label=_("Waarom verandert de rol?"),
        max_length=300,
        error_messages={
            "required": _("Schrijf waarom de rol verandert."),
            "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
        },
    )
