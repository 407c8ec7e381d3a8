from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import THEMES

from ..models import Answer, Question


class FilterForm(forms.Form):
    """The list's filters (GET). An invalid value is left out."""

    status = forms.ChoiceField(
        label=_("Welke vragen"),
        required=False,
        choices=[("", _("Alle vragen")), ("open", _("Nog zonder antwoord")), ("answered", _("Met antwoord"))],
    )
    thema = forms.ChoiceField(
        label=_("Thema"), required=False, choices=[("", _("Alle thema's")), *THEMES.choices]
    )

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"status": data.get("status", ""), "theme": data.get("thema", "")}


class QuestionForm(forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Over welk thema gaat je vraag?"),
        choices=THEMES.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente (niet verplicht)"), queryset=None, required=False, empty_label=_("Geen gemeente")
    )

    class Meta:
        model = Question
        fields = ("title", "text", "municipality")
        help_texts = {"title": _("Bijvoorbeeld: hoe begin ik een wandelgroep in mijn wijk?")}
        error_messages = {
            "title": {"required": _("Schrijf je vraag in één zin.")},
            "text": {"required": _("Vertel iets meer over je vraag.")},
        }

    field_order = ("title", "text", "themes", "municipality")

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities


class AnswerForm(forms.ModelForm):
    class Meta:
        model = Answer
        fields = ("text",)
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        error_messages = {"text": {"required": _("Schrijf je antwoord.")}}


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Wat is er mis?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf kort op wat er mis is.")},
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom verberg je dit?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Schrijf kort op waarom je dit verbergt.")},
    )


class ToRequestForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Gemeente van de vrager"),
        queryset=None,
        error_messages={"required": _("Kies de gemeente van de vrager.")},
    )

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
