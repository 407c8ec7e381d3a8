"""Forms at the door: search the list, add a walk-in."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.attendees import MAX_WALK_IN_PLACES

STATUS_CHOICES = [
    ("", _("Iedereen")),
    ("confirmed", _("Aangemeld")),
    ("waiting", _("Op de wachtlijst")),
    ("offered", _("Plaats aangeboden")),
    ("cancelled", _("Afgemeld")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam of e-mailadres"), max_length=100, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)

    def filters(self) -> dict:
        self.is_valid()  # an invalid value simply does not filter
        data = getattr(self, "cleaned_data", {})
        return {"q": data.get("q", ""), "status": data.get("status", "")}


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=100)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("Alleen als iemand het wil geven, bijvoorbeeld voor de evaluatie achteraf."),
    )
    places = forms.IntegerField(
        label=_("Met hoeveel personen?"), min_value=1, max_value=MAX_WALK_IN_PLACES, initial=1
    )
