from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Municipality, Subregion

from ..models import EventKind


class FilterForm(forms.Form):
    """The agenda's filters (GET). An invalid value is reported and that filter is left out."""

    deelregio = forms.ChoiceField(label=_("Deel van de regio"), required=False)
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    soort = forms.ChoiceField(
        label=_("Soort bijeenkomst"),
        required=False,
        choices=[("", _("Alle soorten")), *((k, capfirst(v)) for k, v in EventKind.choices)],
    )
    thema = forms.ChoiceField(
        label=_("Thema"), required=False, choices=[("", _("Alle thema's")), *THEMES.choices]
    )
    kant = forms.ChoiceField(
        label=_("Kant van gezondheid"), required=False, choices=[("", _("Alle kanten")), *DIMENSIONS.choices]
    )

    def __init__(
        self, *args, municipalities: list[Municipality], subregions: list[Subregion], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deelregio"].choices = [("", _("Hele regio")), *((s.slug, s.name) for s in subregions)]
        self.fields["gemeente"].choices = [
            ("", _("Alle gemeenten")),
            *((m.code, m.name) for m in municipalities),
        ]

    def filters(self) -> dict:
        """Selector filters from the valid fields only."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "subregion": data.get("deelregio", ""),
            "municipality": data.get("gemeente", ""),
            "kind": data.get("soort", ""),
            "theme": data.get("thema", ""),
            "dimension": data.get("kant", ""),
        }
