from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models.certificates import REVOKE_REASON_MAX


class VerifyForm(forms.Form):
    nummer = forms.CharField(
        label=_("Nummer van het certificaat"),
        help_text=_("Het staat op het certificaat, bijvoorbeeld VK-2025-7KQM-X3PA."),
        max_length=40,
        error_messages={"required": _("Vul het nummer van het certificaat in.")},
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom trek je het certificaat in?"),
        help_text=_("De deelnemer en de openbare pagina laten zien dat het is ingetrokken, niet waarom."),
        max_length=REVOKE_REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf waarom je het certificaat intrekt.")},
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam, cursus of nummer"), max_length=100, required=False)
