"""The search form (GET): the words, and filters on kind, place, theme and part of health."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Municipality, Subregion

MAX_CHARS = 200


class SearchForm(forms.Form):
    """An invalid filter value is reported and left out; the words are never invalid (only cut)."""

    q = forms.CharField(label=_("Waar zoek je naar?"), required=False, max_length=MAX_CHARS, strip=True)
    soort = forms.ChoiceField(label=_("Wat"), required=False)
    deelregio = forms.ChoiceField(label=_("Deel van de regio"), required=False)
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    thema = forms.ChoiceField(
        label=_("Thema"), required=False, choices=[("", _("Alle thema's")), *THEMES.choices]
    )
    kant = forms.ChoiceField(
        label=_("Kant van gezondheid"), required=False, choices=[("", _("Alle kanten")), *DIMENSIONS.choices]
    )

    def __init__(
        self,
        *args,
        kinds: list[tuple[str, str]],
        municipalities: list[Municipality],
        subregions: list[Subregion],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        self.fields["soort"].choices = [("", _("Alles")), *kinds]
        self.fields["deelregio"].choices = [("", _("Hele regio")), *((s.slug, s.name) for s in subregions)]
        self.fields["gemeente"].choices = [
            ("", _("Alle gemeenten")),
            *((m.code, m.name) for m in municipalities),
        ]

    def words(self) -> str:
        """What was typed (the first MAX_CHARS characters), also when a filter is invalid."""
        return str(self.data.get("q") or "").strip()[:MAX_CHARS]

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "kind": data.get("soort", ""),
            "subregion": data.get("deelregio", ""),
            "municipality": data.get("gemeente", ""),
            "theme": data.get("thema", ""),
            "dimension": data.get("kant", ""),
        }
