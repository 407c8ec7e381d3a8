from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import BudgetLine, FundingSource, Target, TargetGroup

EURO_ERRORS = {
    "required": _("Vul een bedrag in euro's in."),
    "invalid": _("Vul een bedrag in als getal, bijvoorbeeld 25000 of 250,50."),
    "min_value": _("Het bedrag kan niet negatief zijn."),
    "max_value": _("Dit bedrag is te groot."),
    "max_decimal_places": _("Gebruik hoogstens 2 cijfers achter de komma."),
    "max_digits": _("Dit bedrag is te groot."),
}
DATE_ERRORS = {"required": _("Vul een datum in."), "invalid": _("Vul een datum in als dag-maand-jaar.")}


class EuroField(forms.DecimalField):
    """An amount as people in the Netherlands write it: "1.250.000,50", "250,5", "€ 1000" or "1000.50"."""

    def to_python(self, value):
        text = str(value or "").replace("€", "").replace(" ", "").strip()
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
            text = text.replace(".", "")  # dots as thousands: "1.000.000"
        return super().to_python(text)


def euro_field(label) -> forms.DecimalField:
    return EuroField(
        label=label,
        min_value=Decimal(0),
        max_value=Decimal("1000000000"),
        max_digits=12,
        decimal_places=2,
        error_messages=EURO_ERRORS,
        # Text, not a number box: people type "1.250.000,50" (a number box refuses the dots and comma).
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_("In euro's, bijvoorbeeld 250000 of 250,50."),
    )


class FundingSourceForm(forms.ModelForm):
    amount = euro_field(_("Bedrag"))

    class Meta:
        model = FundingSource
        fields = ("name", "starts_on", "ends_on")
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "name": {"required": _("Geef de financieringsbron een naam.")},
            "starts_on": DATE_ERRORS,
            "ends_on": DATE_ERRORS,
        }

    field_order = ("name", "amount", "starts_on", "ends_on")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["amount"].initial = Decimal(self.instance.amount_cents) / 100

    def save(self, commit: bool = False) -> FundingSource:
        source = super().save(commit=False)
        source.amount_cents = int(self.cleaned_data["amount"] * 100)
        return source


class BudgetLineForm(forms.ModelForm):
    amount = euro_field(_("Bedrag"))

    class Meta:
        model = BudgetLine
        fields = ("source", "target_group", "course")
        labels = {"source": _("Financieringsbron"), "course": _("Of: voor één cursus")}
        help_texts = {
            "target_group": _("Voor alle cursussen van deze doelgroep."),
            "course": _(
                "Alleen cursussen die het scholingsplan betaalt. Deze regel gaat voor die van de doelgroep."
            ),
        }
        error_messages = {"source": {"required": _("Kies de financieringsbron.")}}

    field_order = ("source", "target_group", "course", "amount")

    def __init__(self, *args, sources, courses, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources
        self.fields["source"].empty_label = _("Kies een bron")
        self.fields["course"].queryset = courses
        self.fields["course"].empty_label = _("Geen: voor de hele doelgroep")
        self.fields["target_group"].choices = [("", _("Geen: voor één cursus")), *TargetGroup.choices]
        if self.instance.pk:
            self.fields["amount"].initial = Decimal(self.instance.amount_cents) / 100

    def clean(self):
        data = super().clean()
        group, course = data.get("target_group"), data.get("course")
        if not group and not course:
            self.add_error("target_group", _("Kies een doelgroep of een cursus."))
        elif group and course:
            self.add_error("course", _("Kies een doelgroep óf een cursus, niet allebei."))
        return data

    def save(self, commit: bool = False) -> BudgetLine:
        line = super().save(commit=False)
        line.amount_cents = int(self.cleaned_data["amount"] * 100)
        return line


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ("target_group", "people", "starts_on", "ends_on")
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "target_group": {"required": _("Kies een doelgroep.")},
            "people": {
                "required": _("Vul in hoeveel mensen."),
                "invalid": _("Vul een heel getal in."),
                "min_value": _("Het aantal kan niet negatief zijn."),
            },
            "starts_on": DATE_ERRORS,
            "ends_on": DATE_ERRORS,
        }

    def clean_people(self):
        people = self.cleaned_data["people"]
        if people < 1:
            raise forms.ValidationError(_("Een doel is minstens 1 persoon."))
        return people
