from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.lib.images import MAX_UPLOAD_BYTES, prepare_photo
from veerkracht.regions.models import Municipality, Subregion

from ..models import Initiative, InitiativeRevision, Need, Phase
from ..vocab import HELP_TYPES


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Municipality) -> str:
        return obj.name


class InitiativeForm(forms.Form):
    title = forms.CharField(
        label=_("Naam van het initiatief"),
        max_length=120,
        help_text=_("Kort en duidelijk. Bijvoorbeeld: Samen koken in de wijk."),
    )
    summary = forms.CharField(
        label=_("Vertel in één zin wat jullie doen"),
        max_length=200,
        help_text=_("Deze zin staat in de lijst met initiatieven."),
    )
    description = forms.CharField(
        label=_("Wat doen jullie?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Voor wie is het? Wat willen jullie bereiken? Hoe kunnen mensen meedoen?"),
    )
    municipality = MunicipalityChoiceField(
        label=_("In welke gemeente?"),
        queryset=Municipality.objects.none(),
        empty_label=_("Kies een gemeente"),
    )
    who = forms.CharField(
        label=_("Wie zitten erachter?"),
        max_length=300,
        help_text=_("Bijvoorbeeld: een groep buurtbewoners en het wijkteam. Zet hier geen adressen."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Namens welke organisatie?"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Geen organisatie"),
        help_text=_("Medewerkers van deze organisatie kunnen het initiatief ook bijhouden."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Over welke thema's gaat het?"),
        choices=THEMES.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Aan welke kanten van gezondheid werken jullie?"),
        choices=DIMENSIONS.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("De zes kanten van Positieve Gezondheid."),
    )

    def __init__(self, *args, municipalities: QuerySet, organisations: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["organisation"].queryset = organisations
        if not organisations.exists():
            del self.fields["organisation"]

    @classmethod
    def initial_from(cls, initiative: Initiative, waiting: InitiativeRevision | None = None) -> dict:
        """The form filled in as the initiative is, with the texts that wait for approval if any."""
        texts = waiting or initiative
        return {
            "title": texts.title,
            "summary": texts.summary,
            "description": texts.description,
            "municipality": initiative.municipality_id,
            "who": texts.who,
            "organisation": initiative.organisation_id,
            "themes": THEMES.keys_of(initiative.themes),
            "dimensions": DIMENSIONS.keys_of(initiative.dimensions),
        }


class PhaseForm(forms.Form):
    to_phase = forms.ChoiceField(label=_("Naar welke fase?"), choices=Phase.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Waarom?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: we hebben nu vaste partners gevonden."),
    )
    lesson = forms.CharField(
        label=_("Wat hebben jullie geleerd?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Nodig als jullie stoppen. Anderen kunnen van jullie ervaring leren."),
    )
    what_worked = forms.CharField(
        label=_("Wat werkte?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Nodig als jullie gaan versnellen. Het komt in de kennisbank, zodat anderen het ook proberen."
        ),
    )

    def __init__(self, *args, current: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.current = current
        self.fields["to_phase"].choices = [(k, capfirst(v)) for k, v in Phase.choices if k != current]

    def clean(self):
        data = super().clean()
        if data.get("to_phase") == Phase.STOPPED and not (data.get("lesson") or "").strip():
            self.add_error(
                "lesson", _("Schrijf op wat jullie hebben geleerd. Zo kunnen anderen daar iets mee.")
            )
        if data.get("to_phase") == Phase.ACCELERATE and not (data.get("what_worked") or "").strip():
            self.add_error("what_worked", _("Schrijf op wat werkte. Zo kunnen anderen het ook proberen."))
        return data


class UpdateForm(forms.Form):
    text = forms.CharField(
        label=_("Wat is er nieuw?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )
    photo = forms.FileField(
        label=_("Foto"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Een JPEG-, PNG- of WebP-foto van hoogstens 5 MB. Vraag mensen op de foto of het mag."),
    )
    photo_alt = forms.CharField(
        label=_("Wat staat er op de foto?"),
        max_length=200,
        required=False,
        help_text=_("Voor wie de foto niet kan zien. Bijvoorbeeld: tien buren bij de moestuin."),
    )

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Deze foto is te groot. Een foto mag hoogstens 5 MB zijn."))
        return prepare_photo(upload)

    def clean(self):
        data = super().clean()
        if data.get("photo") and not (data.get("photo_alt") or "").strip():
            self.add_error("photo_alt", _("Vertel in een paar woorden wat er op de foto staat."))
        return data


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = ["help_type", "description"]
        labels = {"help_type": _("Wat hebben jullie nodig?"), "description": _("Vertel er iets meer over")}
        help_texts = {"description": _("Bijvoorbeeld: een ruimte voor 20 mensen, elke dinsdagavond.")}


class OrganisationsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return obj.name

    def clean(self, value):
        # Values beyond a database integer are tampered input: refuse them before the query.
        for item in value or []:
            if not str(item).isascii() or not str(item).isdigit() or not 0 < int(item) < 2**63:
                raise forms.ValidationError(_("Kies organisaties uit de lijst."), code="invalid_choice")
        return super().clean(value)


class PartnersForm(forms.Form):
    partners = OrganisationsField(
        label=_("Welke organisaties werken mee?"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, organisations: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = organisations


class FilterForm(forms.Form):
    """The list's filters (GET). An invalid value is reported and that filter is left out."""

    q = forms.CharField(label=_("Zoeken"), max_length=100, required=False)
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    deelregio = forms.ChoiceField(label=_("Deel van de regio"), required=False)
    fase = forms.ChoiceField(
        label=_("Fase"),
        required=False,
        choices=[("", _("Alle fases")), *((k, capfirst(v)) for k, v in Phase.choices)],
    )
    thema = forms.ChoiceField(
        label=_("Thema"), required=False, choices=[("", _("Alle thema's")), *THEMES.choices]
    )
    kant = forms.ChoiceField(
        label=_("Kant van gezondheid"),
        required=False,
        choices=[("", _("Alle kanten")), *DIMENSIONS.choices],
    )
    nodig = forms.ChoiceField(
        label=_("Heeft nodig"),
        required=False,
        choices=[("", _("Maakt niet uit")), *HELP_TYPES.choices],
    )

    def __init__(
        self, *args, municipalities: list[Municipality], subregions: list[Subregion], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [
            ("", _("Alle gemeenten")),
            *((m.code, m.name) for m in municipalities),
        ]
        self.fields["deelregio"].choices = [("", _("Hele regio")), *((s.slug, s.name) for s in subregions)]

    def filters(self) -> dict:
        """Selector filters from the valid fields only."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "q": data.get("q", ""),
            "municipality": data.get("gemeente", ""),
            "subregion": data.get("deelregio", ""),
            "phase": data.get("fase", ""),
            "theme": data.get("thema", ""),
            "dimension": data.get("kant", ""),
            "need": data.get("nodig", ""),
        }
