"""The form that turns an idea of an event into an action-centre request or an initiative."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import IdeaOutcome


class IdeaForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Wat moet er met het idee gebeuren?"),
        choices=[
            (
                IdeaOutcome.INITIATIVE,
                _("Er is een groep die ermee aan de slag gaat: maak er een initiatief van"),
            ),
            (
                IdeaOutcome.REQUEST,
                _("Het actiecentrum moet ernaar kijken: maak er een vraag aan het actiecentrum van"),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er met het idee moet gebeuren.")},
    )
    title = forms.CharField(
        label=_("Naam van het idee"),
        max_length=120,
        error_messages={"required": _("Geef het idee een korte naam.")},
    )
    summary = forms.CharField(
        label=_("In één zin"),
        max_length=200,
        required=False,
        help_text=_("Alleen nodig voor een initiatief."),
    )
    description = forms.CharField(
        label=_("Wat is het idee?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Vertel in een paar zinnen wat het idee is.")},
    )
    who = forms.CharField(
        label=_("Wie gaan ermee aan de slag?"),
        max_length=300,
        required=False,
        help_text=_("Alleen nodig voor een initiatief. Bijvoorbeeld: drie buren uit de wijk."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=None,
        error_messages={"required": _("Kies de gemeente waar het idee over gaat.")},
    )

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
