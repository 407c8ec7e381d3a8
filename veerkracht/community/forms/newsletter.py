from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import THEMES

HONEYPOT_FIELD = "website"


class ChoicesForm(forms.Form):
    """Which subregions (none: the whole region) and which topics (none: everything)."""

    subregions = forms.ModelMultipleChoiceField(
        label=_("Over welk deel van de regio wil je lezen?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies je niets, dan krijg je nieuws uit de hele regio."),
        error_messages={"invalid_choice": _("Kies een deel van de regio uit de lijst.")},
    )
    themes = forms.MultipleChoiceField(
        label=_("Over welke onderwerpen?"),
        choices=THEMES.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies je niets, dan krijg je alles."),
        error_messages={"invalid_choice": _("Kies een onderwerp uit de lijst.")},
    )

    def __init__(self, *args, subregions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subregions"].queryset = subregions

    @property
    def theme_mask(self) -> int:
        return THEMES.mask(self.cleaned_data["themes"])


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        max_length=254,
        help_text=_("Je krijgt eerst een e-mail met een link. Pas als je daarop klikt, ben je aangemeld."),
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["email", "subregions", "themes"])
        honeypot = self.fields[HONEYPOT_FIELD]
        honeypot.widget.attrs = {"tabindex": "-1", "autocomplete": "off"}
        honeypot.honeypot = True


def month_choices(today: date) -> list[tuple[str, str]]:
    """Last month, this month and the next two."""
    first = today.replace(day=1)
    months = [(first - timedelta(days=1)).replace(day=1), first]
    for _i in range(2):
        months.append((months[-1] + timedelta(days=32)).replace(day=1))
    return [(f"{m:%Y-%m}", formats.date_format(m, "F Y")) for m in months]


class IssueCreateForm(forms.Form):
    month = forms.ChoiceField(
        label=_("Voor welke maand?"), error_messages={"invalid_choice": _("Kies een maand uit de lijst.")}
    )

    def __init__(self, *args, today: date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = month_choices(today)
        self.fields["month"].initial = f"{today:%Y-%m}"

    @property
    def month_date(self) -> date:
        year, month = self.cleaned_data["month"].split("-")
        return date(int(year), int(month), 1)


class IntroductionForm(forms.Form):
    introduction = forms.CharField(
        label=_("Inleiding"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Een paar zinnen bovenaan de nieuwsbrief. Gewone tekst; een lege regel begint een nieuwe alinea."
        ),
        error_messages={"max_length": _("De inleiding is te lang: hoogstens 3000 tekens.")},
    )
