"""The import form: one ZIP package made by an export."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    package = forms.FileField(
        label=_("Pakket (ZIP)"),
        help_text=_(
            "Het ZIP-bestand dat een andere regio met ‘Download als pakket’ heeft gemaakt. Hoogstens 100 MB."
        ),
        error_messages={"required": _("Kies het ZIP-bestand van de cursus.")},
    )
