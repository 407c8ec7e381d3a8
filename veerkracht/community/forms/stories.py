from __future__ import annotations

from django import forms
from django.core.validators import URLValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import DIMENSIONS, INTERPRETATIONS, LEVELS, THEMES
from veerkracht.lib.images import MAX_UPLOAD_BYTES, prepare_photo

from ..models import MAX_PHOTOS

PHOTO_ACCEPT = "image/jpeg,image/png,image/webp"


class FilterForm(forms.Form):
    """The story list's filters (GET). An invalid value is reported and that filter is left out."""

    kant = forms.ChoiceField(
        label=_("Kant van gezondheid"), required=False, choices=[("", _("Alle kanten")), *DIMENSIONS.choices]
    )
    thema = forms.ChoiceField(
        label=_("Thema"), required=False, choices=[("", _("Alle thema's")), *THEMES.choices]
    )
    deelregio = forms.ChoiceField(label=_("Deel van de regio"), required=False)
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    niveau = forms.ChoiceField(
        label=_("Niveau"),
        required=False,
        choices=[("", _("Alle niveaus")), *((k, capfirst(v)) for k, v in LEVELS)],
    )
    gebruik = forms.ChoiceField(
        label=_("Hoe Positieve Gezondheid gebruikt wordt"),
        required=False,
        choices=[("", _("Alle manieren")), *INTERPRETATIONS],
    )

    def __init__(self, *args, municipalities, subregions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deelregio"].choices = [("", _("Hele regio")), *((s.slug, s.name) for s in subregions)]
        self.fields["gemeente"].choices = [
            ("", _("Alle gemeenten")),
            *((m.code, m.name) for m in municipalities),
        ]

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "dimension": data.get("kant", ""),
            "theme": data.get("thema", ""),
            "subregion": data.get("deelregio", ""),
            "municipality": data.get("gemeente", ""),
            "level": data.get("niveau", ""),
            "interpretation": data.get("gebruik", ""),
        }


def _photo_fields(form: forms.Form, free: int) -> None:
    for n in range(1, free + 1):
        form.fields[f"foto_{n}"] = forms.FileField(
            label=_("Foto %(n)d") % {"n": n},
            required=False,
            widget=forms.ClearableFileInput(attrs={"accept": PHOTO_ACCEPT}),
            help_text=_(
                "Een JPEG-, PNG- of WebP-foto van hoogstens 5 MB. Vraag mensen op de foto of het mag."
            ),
        )
        form.fields[f"alt_{n}"] = forms.CharField(
            label=_("Wat staat er op foto %(n)d?") % {"n": n},
            max_length=200,
            required=False,
            help_text=_("Voor wie de foto niet kan zien. Bijvoorbeeld: buren planten samen bloembollen."),
        )


class StoryForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=150)
    text = forms.CharField(
        label=_("Je verhaal"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Gewone tekst. Laat een lege regel tussen alinea's."),
    )
    video_url = forms.CharField(
        label=_("Link naar een video"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld een filmpje op YouTube of Vimeo. De link begint met https://"),
    )
    municipality = forms.ChoiceField(label=_("Gemeente"), required=False)
    level = forms.ChoiceField(
        label=_("Over wie gaat het?"), choices=[(k, capfirst(v)) for k, v in LEVELS], initial="nano"
    )
    interpretations = forms.MultipleChoiceField(
        label=_("Hoe laat je verhaal Positieve Gezondheid zien?"),
        choices=INTERPRETATIONS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kies er minstens één."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Thema's"), choices=THEMES.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Kanten van gezondheid"),
        choices=DIMENSIONS.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    initiative = forms.ChoiceField(label=_("Hoort het bij een initiatief?"), required=False)
    event = forms.ChoiceField(label=_("Hoort het bij een bijeenkomst?"), required=False)

    def __init__(self, *args, municipalities, initiatives, events, photos=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._municipalities = {m.code: m for m in municipalities}
        self._initiatives = {str(i.pk): i for i in initiatives}
        self._events = {str(e.pk): e for e in events}
        self.fields["municipality"].choices = [
            ("", _("Geen gemeente")),
            *((m.code, m.name) for m in municipalities),
        ]
        self.fields["initiative"].choices = [("", _("Nee")), *((str(i.pk), i.title) for i in initiatives)]
        self.fields["event"].choices = [("", _("Nee")), *((str(e.pk), e.title) for e in events)]
        self.photos = list(photos)
        if self.photos:
            self.fields["remove_photos"] = forms.MultipleChoiceField(
                label=_("Foto's weghalen"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(str(p.pk), p.alt) for p in self.photos],
            )
        _photo_fields(self, MAX_PHOTOS - len(self.photos))

    def clean_video_url(self) -> str:
        url = (self.cleaned_data.get("video_url") or "").strip()
        if url:
            try:
                URLValidator(schemes=["https"])(url)
            except forms.ValidationError as exc:
                raise forms.ValidationError(
                    _("Dit is geen goede link. Een link naar een video begint met https://")
                ) from exc
        return url

    def clean(self):
        data = super().clean()
        self._clean_photos(data)
        if not data.get("interpretations") and self.data.get("action") != "draft":
            self.add_error("interpretations", _("Kies minstens één manier."))
        return data

    def _clean_photos(self, data) -> None:
        for name in [n for n in self.fields if n.startswith("foto_")]:
            upload = data.get(name)
            alt_name = name.replace("foto_", "alt_")
            if not upload:
                data[name] = None
                continue
            if upload.size > MAX_UPLOAD_BYTES:
                self.add_error(name, _("Deze foto is te groot. Een foto mag hoogstens 5 MB zijn."))
                continue
            try:
                data[name] = prepare_photo(upload)
            except forms.ValidationError as exc:
                self.add_error(name, exc)
                continue
            if not (data.get(alt_name) or "").strip():
                self.add_error(alt_name, _("Vertel in een paar woorden wat er op de foto staat."))

    def story_data(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "text": data["text"].strip(),
            "video_url": data["video_url"],
            "municipality": self._municipalities.get(data.get("municipality") or ""),
            "level": data["level"],
            "interpretations": data.get("interpretations") or [],
            "themes": data.get("themes") or [],
            "dimensions": data.get("dimensions") or [],
            "initiative": self._initiatives.get(data.get("initiative") or ""),
            "event": self._events.get(data.get("event") or ""),
        }

    def new_photos(self) -> list[tuple]:
        data = self.cleaned_data
        return [
            (data[name], data.get(name.replace("foto_", "alt_"), ""))
            for name in self.fields
            if name.startswith("foto_") and data.get(name)
        ]

    def removed_photos(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data.get("remove_photos") or []]

    @staticmethod
    def initial_for(story) -> dict:
        from ..models import INTERPRETATION_FLAGS

        return {
            "title": story.title,
            "text": story.text,
            "video_url": story.video_url,
            "municipality": story.municipality.code if story.municipality_id else "",
            "level": story.level,
            "interpretations": INTERPRETATION_FLAGS.keys_of(story.interpretations),
            "themes": THEMES.keys_of(story.themes),
            "dimensions": DIMENSIONS.keys_of(story.dimensions),
            "initiative": str(story.initiative_id or ""),
            "event": str(story.event_id or ""),
        }


class ResponseForm(forms.Form):
    text = forms.CharField(label=_("Je reactie"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Waarom?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Wat is er mis?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: dit is kwetsend, reclame, of het gaat over iemand die dat niet wil."),
    )
