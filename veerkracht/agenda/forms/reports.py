"""Forms for the report: the text, and one file at a time (a photo or the slides)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ReportFile


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("Wat is er gebeurd?"),
        help_text=_("Schrijf in gewone taal. Noem geen namen van deelnemers zonder dat ze dat goed vinden."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Schrijf eerst wat er gebeurd is.")},
    )


class ReportFileForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat voeg je toe?"),
        choices=[(ReportFile.Kind.PHOTO, _("Foto")), (ReportFile.Kind.SLIDES, _("Presentatie (pdf)"))],
        initial=ReportFile.Kind.PHOTO,
        widget=forms.RadioSelect,
    )
    upload = forms.FileField(
        label=_("Bestand"),
        help_text=_("Een foto (JPEG of PNG, hoogstens 5 MB) of een presentatie (pdf, hoogstens 20 MB)."),
        error_messages={"required": _("Kies een bestand."), "empty": _("Dit bestand is leeg.")},
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )
    caption = forms.CharField(
        label=_("Wat staat erop?"),
        help_text=_("Bij een foto: beschrijf kort wat je ziet, voor wie de foto niet kan zien."),
        max_length=200,
        required=False,
    )
