from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.vocabulary import DIMENSIONS, INTERPRETATIONS, LEVELS, THEMES

from ..models import LibraryItem, LibraryKind
from ..models.library import INTERPRETATION_FLAGS, LEVEL_FLAGS, TARGET_GROUPS
from ..selectors.library import KINDS
from ..services.library import MAX_FILE_BYTES, LibraryInput, prepare_library_file


def _checkboxes(label, choices, *, help_text="") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        choices=[(k, capfirst(v)) for k, v in choices],
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class FilterForm(forms.Form):
    """The library's filters (GET). An invalid value is reported and that filter is left out."""

    soort = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[("", _("Alle soorten")), *((k, capfirst(v)) for k, v in KINDS)],
    )
    niveau = forms.ChoiceField(label=_("Niveau"), required=False, choices=[("", _("Alle niveaus")), *LEVELS])
    betekenis = forms.ChoiceField(
        label=_("Betekenis van Positieve Gezondheid"),
        required=False,
        choices=[("", _("Alle betekenissen")), *INTERPRETATIONS],
    )
    voor = forms.ChoiceField(
        label=_("Voor wie"), required=False, choices=[("", _("Iedereen")), *TARGET_GROUPS.choices]
    )
    thema = forms.ChoiceField(
        label=_("Thema"), required=False, choices=[("", _("Alle thema's")), *THEMES.choices]
    )
    kant = forms.ChoiceField(
        label=_("Kant van gezondheid"), required=False, choices=[("", _("Alle kanten")), *DIMENSIONS.choices]
    )

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "kind": data.get("soort", ""),
            "level": data.get("niveau", ""),
            "interpretation": data.get("betekenis", ""),
            "target": data.get("voor", ""),
            "theme": data.get("thema", ""),
            "dimension": data.get("kant", ""),
        }


class LibraryItemForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort"), choices=[(k, capfirst(v)) for k, v in LibraryKind.choices], widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("Titel"), max_length=150)
    summary = forms.CharField(
        label=_("In een paar zinnen"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Waar gaat het over, en wat heb je eraan?"),
    )
    body = forms.CharField(
        label=_("Uitleg"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mag leeg blijven als je een link of bestand geeft."),
    )
    url = forms.URLField(
        label=_("Link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Nodig voor een video of link. Bijvoorbeeld: https://www.voorbeeld.nl/gids"),
    )
    file = forms.FileField(
        label=_("Bestand"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,image/jpeg,image/png,image/webp"}
        ),
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument of een foto; hoogstens 20 MB."),
    )
    remove_file = forms.BooleanField(label=_("Bestand weghalen"), required=False)
    levels = _checkboxes(_("Niveau"), LEVELS)
    interpretations = _checkboxes(_("Welke betekenis van Positieve Gezondheid?"), INTERPRETATIONS)
    target_groups = _checkboxes(_("Voor wie is het?"), TARGET_GROUPS.choices)
    themes = _checkboxes(_("Thema's"), THEMES.choices)
    dimensions = _checkboxes(_("Kanten van gezondheid"), DIMENSIONS.choices)
    organisation = forms.TypedChoiceField(label=_("Namens welke organisatie?"), coerce=int, required=False)

    def __init__(
        self, *args, organisations: list[Organisation], staff: bool, item: LibraryItem | None = None, **kwargs
    ) -> None:
        if item is not None:
            kwargs.setdefault("initial", self.initial_for(item))
        super().__init__(*args, **kwargs)
        choices = [(o.pk, o.name) for o in organisations]
        self.fields["organisation"].choices = [("", _("Het actiecentrum")), *choices] if staff else choices
        self.fields["organisation"].required = not staff
        if staff and not choices:
            del self.fields["organisation"]
        if item is None or not item.file:
            del self.fields["remove_file"]

    @staticmethod
    def initial_for(item: LibraryItem) -> dict:
        return {
            "kind": item.kind,
            "title": item.title,
            "summary": item.summary,
            "body": item.body,
            "url": item.url,
            "levels": LEVEL_FLAGS.keys_of(item.levels),
            "interpretations": INTERPRETATION_FLAGS.keys_of(item.interpretations),
            "target_groups": TARGET_GROUPS.keys_of(item.target_groups),
            "themes": THEMES.keys_of(item.themes),
            "dimensions": DIMENSIONS.keys_of(item.dimensions),
            "organisation": item.organisation_id,
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("Dit bestand is te groot. Het mag hoogstens 20 MB zijn."))
        return prepare_library_file(upload)

    def to_input(self) -> LibraryInput:
        data = self.cleaned_data
        return LibraryInput(
            kind=data["kind"],
            title=data["title"],
            summary=data["summary"],
            body=data.get("body", ""),
            url=data.get("url", ""),
            levels=tuple(data.get("levels", ())),
            interpretations=tuple(data.get("interpretations", ())),
            target_groups=tuple(data.get("target_groups", ())),
            themes=tuple(data.get("themes", ())),
            dimensions=tuple(data.get("dimensions", ())),
            organisation_id=data.get("organisation") or None,
            file=data.get("file"),
            remove_file=bool(data.get("remove_file")),
        )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Wat doe je?"),
        choices=[("approve", _("Plaatsen")), ("reject", _("Niet plaatsen"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Waarom niet?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Nodig als je het niet plaatst. De organisatie ziet dit."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Schrijf kort op waarom dit niet geplaatst wordt."))
        return data
