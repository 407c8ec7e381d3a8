from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import SupportKind
from ..models.support import MAX_HOURS
from .partners import DATE, DATE_ERRORS


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.display_name


class SupportEntryForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=None,
        required=False,
        empty_label=_("Geen organisatie"),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=None,
        required=False,
        empty_label=_("Geen gemeente"),
        help_text=_("Kies een organisatie, een gemeente of allebei."),
        error_messages={"invalid_choice": _("Kies een gemeente uit de lijst.")},
    )
    kind = forms.ChoiceField(
        label=_("Soort ondersteuning"),
        choices=[("", _("Kies een soort")), *SupportKind.choices],
        error_messages={
            "required": _("Kies de soort ondersteuning."),
            "invalid_choice": _("Kies een soort uit de lijst."),
        },
    )
    on = forms.DateField(
        label=_("Datum"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    hours = forms.DecimalField(
        label=_("Uren"),
        min_value=Decimal("0.25"),
        max_value=MAX_HOURS,
        decimal_places=2,
        max_digits=5,
        help_text=_("Bijvoorbeeld 1,5 voor anderhalf uur."),
        localize=True,
        error_messages={
            "required": _("Vul het aantal uren in."),
            "invalid": _("Vul een getal in, zoals 2 of 1,5."),
            "min_value": _("Vul minstens een kwartier in (0,25)."),
            "max_value": _("Vul hoogstens 100 uur in."),
            "max_decimal_places": _("Vul hoogstens twee cijfers na de komma in."),
            "max_digits": _("Vul hoogstens 100 uur in."),
        },
    )
    given_by = StaffChoiceField(
        label=_("Gegeven door"),
        queryset=None,
        empty_label=_("Kies een medewerker"),
        error_messages={
            "required": _("Kies wie het gaf."),
            "invalid_choice": _("Kies een medewerker uit de lijst."),
        },
    )
    note = forms.CharField(
        label=_("Korte notitie"),
        max_length=300,
        required=False,
        help_text=_("Schrijf geen namen van inwoners."),
        error_messages={"max_length": _("Schrijf hoogstens %(limit_value)d tekens.")},
    )

    def __init__(self, *args, organisations, municipalities, staff, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["municipality"].queryset = municipalities
        self.fields["given_by"].queryset = staff

    def clean(self):
        data = super().clean()
        chosen = data.get("organisation") or data.get("municipality")
        if not chosen and not self.has_error("organisation") and not self.has_error("municipality"):
            raise forms.ValidationError(_("Kies een organisatie of een gemeente."))
        return data


class SupportFilterForm(forms.Form):
    prefix = "zoek"  # on the same page as SupportEntryForm: field ids must differ

    organisation = forms.ModelChoiceField(
        label=_("Voor welke organisatie"), queryset=None, required=False, empty_label=_("Alle organisaties")
    )
    municipality = forms.ModelChoiceField(
        label=_("In welke gemeente"), queryset=None, required=False, empty_label=_("Alle gemeenten")
    )
    kind = forms.ChoiceField(
        label=_("Welke soort"), choices=[("", _("Alle soorten")), *SupportKind.choices], required=False
    )
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, organisations, municipalities, years, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["municipality"].queryset = municipalities
        self.fields["year"].choices = [("", _("Alle jaren")), *((y, str(y)) for y in years)]

    def filters(self) -> dict:
        """The valid filters; a tampered value is dropped (the full log is shown), never an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {key: data.get(key) for key in self.fields if key not in self.errors}
