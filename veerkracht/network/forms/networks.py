from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models.networks import validate_network_slug

DATE_ERRORS = {"required": _("Vul een datum in."), "invalid": _("Vul een datum in als dag-maand-jaar.")}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_LENGTH = {"max_length": _("Schrijf hoogstens %(limit_value)d tekens.")}
MANUAL = ""


class NetworkForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van het netwerk"),
        max_length=150,
        help_text=_("Bijvoorbeeld: Netwerk Positief Gezond Westelijke Mijnstreek"),
        error_messages={"required": _("Vul de naam van het netwerk in."), **MAX_LENGTH},
    )
    slug = forms.SlugField(
        label=_("Korte naam in het webadres"),
        max_length=80,
        help_text=_("Alleen kleine letters, cijfers en streepjes, bijvoorbeeld: westelijke-mijnstreek"),
        validators=[validate_network_slug],
        error_messages={
            "required": _("Vul een korte naam in."),
            "invalid": _("Gebruik alleen kleine letters, cijfers en streepjes."),
            **MAX_LENGTH,
        },
    )
    description = forms.CharField(
        label=_("Over dit netwerk"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=MAX_LENGTH,
    )
    starts_on = forms.DateField(
        label=_("Gestart op"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    subregion = forms.ModelChoiceField(
        label=_("Deel van de regio"),
        queryset=None,
        required=False,
        empty_label=_("Geen (kies gemeenten)"),
        error_messages={"invalid_choice": _("Kies een deel van de regio uit de lijst.")},
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Gemeenten"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Samen met het deel van de regio is dit het gebied van het netwerk. Niets gekozen: de hele regio."
        ),
        error_messages={"invalid_choice": _("Kies gemeenten uit de lijst.")},
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Deelnemende organisaties"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies organisaties uit de lijst.")},
    )
    coordinator_email = forms.EmailField(
        label=_("E-mailadres van de coördinator"),
        required=False,
        help_text=_("De coördinator heeft al een account. Leeg: nog geen coördinator."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )

    def __init__(self, *args, subregions, municipalities, organisations, find_user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subregion"].queryset = subregions
        self.fields["municipalities"].queryset = municipalities
        self.fields["members"].queryset = organisations
        self._find_user = find_user
        if find_user is None:  # only staff choose the coordinator
            del self.fields["coordinator_email"]

    def clean_coordinator_email(self):
        email = self.cleaned_data.get("coordinator_email", "")
        if not email:
            return None
        user = self._find_user(email)
        if user is None:
            raise ValidationError(_("Er is geen account met dit e-mailadres."))
        return user

    def network_data(self) -> dict:
        data = dict(self.cleaned_data)
        if "coordinator_email" in data:
            data["coordinator"] = data.pop("coordinator_email")
        return data


class GoalForm(forms.Form):
    title = forms.CharField(
        label=_("Doel"),
        max_length=200,
        help_text=_("Bijvoorbeeld: 20 ambassadeurs in de Westelijke Mijnstreek"),
        error_messages={"required": _("Schrijf op wat het doel is."), **MAX_LENGTH},
    )
    description = forms.CharField(
        label=_("Uitleg"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=MAX_LENGTH,
    )
    target = forms.IntegerField(
        label=_("Streefgetal"),
        min_value=1,
        max_value=10_000_000,
        error_messages={
            "required": _("Vul het streefgetal in."),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("Het streefgetal moet groter zijn dan 0."),
            "max_value": _("Vul een kleiner getal in."),
        },
    )
    unit = forms.CharField(
        label=_("Eenheid"),
        max_length=60,
        help_text=_("Bijvoorbeeld: ambassadeurs, bijeenkomsten, mensen geschoold"),
        error_messages={"required": _("Vul in wat je telt."), **MAX_LENGTH},
    )
    baseline = forms.IntegerField(
        label=_("Beginstand"),
        min_value=0,
        max_value=10_000_000,
        initial=0,
        help_text=_("Hoeveel er al was bij de start"),
        error_messages={
            "required": _("Vul de beginstand in (0 als er nog niets was)."),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("De beginstand kan niet kleiner zijn dan 0."),
            "max_value": _("Vul een kleiner getal in."),
        },
    )
    starts_on = forms.DateField(label=_("Vanaf"), widget=DATE, error_messages=DATE_ERRORS)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE, error_messages=DATE_ERRORS)
    owner = forms.ModelChoiceField(
        label=_("Eigenaar"),
        queryset=None,
        empty_label=_("Kies een organisatie"),
        help_text=_("De deelnemende organisatie die ervoor zorgt dat het doel gehaald wordt."),
        error_messages={
            "required": _("Kies de organisatie die eigenaar is."),
            "invalid_choice": _("Kies een organisatie die meedoet in het netwerk."),
        },
    )
    source = forms.ChoiceField(
        label=_("Hoe meten we de voortgang?"),
        required=False,
        help_text=_(
            "Met de hand: iemand vult de stand in met een toelichting. Of kies een cijfer uit de monitor: "
            "dat telt vanaf de startdatum in het gebied van het netwerk en werkt zichzelf elke dag bij."
        ),
        error_messages={"invalid_choice": _("Kies een manier uit de lijst.")},
    )

    def __init__(self, *args, owners, sources, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["source"].choices = [(MANUAL, _("Met de hand invullen")), *sources]

    def clean(self):
        data = super().clean()
        target, baseline = data.get("target"), data.get("baseline")
        if target is not None and baseline is not None and target <= baseline:
            self.add_error("target", _("Het streefgetal moet hoger zijn dan de beginstand."))
        starts, deadline = data.get("starts_on"), data.get("deadline")
        if starts and deadline and deadline <= starts:
            self.add_error("deadline", _("De deadline moet na de startdatum liggen."))
        return data


class ProgressForm(forms.Form):
    value = forms.IntegerField(
        label=_("Stand nu"),
        min_value=0,
        max_value=10_000_000,
        error_messages={
            "required": _("Vul de stand in."),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("De stand kan niet kleiner zijn dan 0."),
            "max_value": _("Vul een kleiner getal in."),
        },
    )
    on = forms.DateField(
        label=_("Datum"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    note = forms.CharField(
        label=_("Toelichting"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Waar komt dit getal vandaan? Bijvoorbeeld: telling in het netwerkoverleg."),
        error_messages={"required": _("Schrijf kort waar het getal vandaan komt."), **MAX_LENGTH},
    )

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise ValidationError(_("De datum kan niet in de toekomst liggen."))
        return day
