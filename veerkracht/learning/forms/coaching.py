from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import ContactKind

DATE_ERRORS = {"required": _("Vul een datum in."), "invalid": _("Vul een datum in als dag-maand-jaar.")}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CoachChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.display_name} ({obj.email})"


class CoachLinkForm(forms.Form):
    coach = CoachChoiceField(
        label=_("Coach"),
        queryset=None,
        empty_label=_("Kies een coach"),
        error_messages={
            "required": _("Kies een coach."),
            "invalid_choice": _("Kies een coach uit de lijst."),
        },
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=None,
        empty_label=_("Kies een organisatie"),
        error_messages={
            "required": _("Kies een organisatie."),
            "invalid_choice": _("Kies een organisatie uit de lijst."),
        },
    )
    starts_on = forms.DateField(
        label=_("Vanaf"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    ends_on = forms.DateField(
        label=_("Tot en met"),
        widget=DATE,
        required=False,
        help_text=_("Leeg: geen einddatum"),
        error_messages=DATE_ERRORS,
    )

    def __init__(self, *args, coaches, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches
        self.fields["organisation"].queryset = organisations

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("De einddatum ligt voor de begindatum."))
        return data


class GoalsForm(forms.Form):
    goals = forms.CharField(
        label=_("Doelen van de organisatie"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat wil de organisatie bereiken met Positieve Gezondheid?"),
        error_messages={"max_length": _("Schrijf hoogstens %(limit_value)d tekens.")},
    )


class StepForm(forms.Form):
    text = forms.CharField(
        label=_("Afgesproken stap"),
        max_length=300,
        error_messages={"required": _("Schrijf op wat er is afgesproken.")},
    )
    owner = forms.CharField(
        label=_("Wie doet het?"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld: teamleider wijkteam"),
    )
    due_on = forms.DateField(label=_("Klaar op"), widget=DATE, required=False, error_messages=DATE_ERRORS)


class ContactForm(forms.Form):
    happened_on = forms.DateField(
        label=_("Datum"), widget=DATE, error_messages=DATE_ERRORS, initial=timezone.localdate
    )
    kind = forms.ChoiceField(
        label=_("Soort contact"),
        choices=ContactKind.choices,
        error_messages={
            "required": _("Kies de soort contact."),
            "invalid_choice": _("Kies een soort uit de lijst."),
        },
    )
    hours = forms.DecimalField(
        label=_("Uren"),
        min_value=Decimal("0.5"),
        max_value=Decimal("100"),
        decimal_places=1,
        max_digits=4,
        localize=True,
        help_text=_("Per half uur, bijvoorbeeld 1,5"),
        error_messages={
            "required": _("Vul in hoeveel uur het kostte."),
            "invalid": _("Vul een getal in, bijvoorbeeld 1,5."),
            "min_value": _("Vul minstens een half uur in."),
            "max_value": _("Vul hoogstens 100 uur in."),
            "max_decimal_places": _("Gebruik hoogstens 1 cijfer achter de komma."),
            "max_digits": _("Vul hoogstens 100 uur in."),
        },
    )
    notes = forms.CharField(
        label=_("Wat is er gebeurd, hoe gaat het?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Over de voortgang van de organisatie. Schrijf geen gegevens over de gezondheid van mensen."
        ),
        error_messages={
            "required": _("Schrijf kort wat er is gebeurd."),
            "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
        },
    )

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Een contact kan niet in de toekomst liggen."))
        return day


class StepDoneForm(forms.Form):
    done = forms.BooleanField(required=False)
