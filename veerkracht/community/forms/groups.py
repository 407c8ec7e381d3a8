from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Group, GroupKind


class GroupForm(forms.ModelForm):
    admin_email = forms.EmailField(
        label=_("E-mailadres van de eerste beheerder"),
        help_text=_("Iemand met een account. Leeg laten: jij wordt beheerder."),
        required=False,
    )

    class Meta:
        model = Group
        fields = ("name", "kind", "description")
        error_messages = {"name": {"required": _("Geef de groep een naam.")}}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(GroupKind.choices)


class PostForm(forms.Form):
    text = forms.CharField(
        label=_("Nieuw bericht"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf je bericht.")},
    )


class FileForm(forms.Form):
    title = forms.CharField(label=_("Titel van het bestand"), max_length=150, required=False)
    upload = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument, tekst, JPG of PNG; maximaal 10 MB."),
        error_messages={"required": _("Kies een bestand."), "empty": _("Dit bestand is leeg.")},
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        error_messages={
            "required": _("Vul een e-mailadres in."),
            "invalid": _("Dit is geen geldig e-mailadres."),
        },
    )


class MeetingForm(forms.Form):
    event = forms.TypedChoiceField(label=_("Bijeenkomst uit de agenda"), coerce=int, choices=())

    def __init__(self, *args, events, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [(e.pk, f"{e.starts_at:%d-%m-%Y} – {e.title}") for e in events]
