"""Forms for becoming an ambassador, the staff's review, the checklist and pausing or stopping."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.selectors import municipalities_for_region

from ..models import Background, TimeAvailable


def _flags_field(flags, label):
    widget = forms.CheckboxSelectMultiple
    return forms.MultipleChoiceField(label=label, choices=flags.choices, widget=widget, required=False)


def _text_field(label, *, max_length: int, required: bool = True, help_text="", rows: int = 4):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": _("Vul dit in.")},
    )


class ApplicationForm(forms.Form):
    motivation = _text_field(
        _("Waarom wil je ambassadeur worden?"),
        max_length=2000,
        rows=6,
        help_text=_("Alleen jij en de medewerkers van het actiecentrum lezen dit."),
    )
    municipality = forms.ModelChoiceField(
        label=_("In welke gemeente wil je ambassadeur zijn?"),
        queryset=None,
        error_messages={"required": _("Kies een gemeente.")},
    )
    neighbourhood = forms.CharField(
        label=_("Wijk of dorp"), max_length=80, required=False, help_text=_("Mag je leeg laten.")
    )
    background = forms.ChoiceField(
        label=_("Hoe doe je het?"),
        choices=Background.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of je het als inwoner of vanuit je werk doet.")},
    )
    themes = _flags_field(THEMES, _("Over welke thema's wil je het hebben?"))
    dimensions = _flags_field(DIMENSIONS, _("Welke kanten van gezondheid spreken je aan?"))
    time_available = forms.ChoiceField(
        label=_("Hoeveel tijd heb je?"),
        choices=TimeAvailable.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoeveel tijd je hebt.")},
    )

    def __init__(self, *args, region, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities_for_region(region)


class InviteForm(forms.Form):
    prefix = "invite"
    message = _text_field(
        _("Bericht met uitnodiging"),
        max_length=2000,
        help_text=_("Schrijf wanneer en waar jullie kennismaken. De aanvrager leest dit."),
    )


class AcceptForm(forms.Form):
    prefix = "accept"
    start_on = forms.DateField(
        label=_("Startdatum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Kies een startdatum."), "invalid": _("Vul een geldige datum in.")},
    )
    message = _text_field(
        _("Welkomstbericht (mag leeg)"),
        max_length=2000,
        required=False,
        help_text=_("De nieuwe ambassadeur leest dit."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {"start_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class DeclineForm(forms.Form):
    prefix = "decline"
    reason = _text_field(
        _("Waarom niet?"),
        max_length=2000,
        help_text=_("De aanvrager leest dit. Schrijf vriendelijk en duidelijk."),
    )


class TickForm(forms.Form):
    """Tick one checklist item with a date, or untick it (``undo``)."""

    item = forms.ChoiceField(choices=[("intro", "intro"), ("workshop", "workshop")], widget=forms.HiddenInput)
    on = forms.DateField(
        label=_("Datum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    undo = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not data.get("undo") and not data.get("on") and "on" not in self.errors:
            self.add_error("on", _("Kies de datum waarop het gebeurde."))
        return data


class PauseForm(forms.Form):
    prefix = "pause"
    reason = _text_field(_("Waarom pauzeer je? (mag leeg)"), max_length=1000, required=False, rows=3)


class StopForm(forms.Form):
    prefix = "stop"
    reason = _text_field(
        _("Waarom stop je?"),
        max_length=1000,
        rows=3,
        help_text=_("Kort is goed. We bewaren dit als les voor de beweging, zonder je naam."),
    )
