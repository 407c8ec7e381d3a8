from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import DIMENSIONS

from .models import Education, Reflection, ShareScope


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["matters_most", "focus_dimension", "want_to_change", "needs", "who_can_help"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields if name != "focus_dimension"}
        labels = {
            "matters_most": _("Wat is nu het belangrijkst voor jou?"),
            "focus_dimension": _("Aan welk onderdeel wil je werken?"),
            "want_to_change": _("Wat zou je willen veranderen?"),
            "needs": _("Wat heb je daarvoor nodig?"),
            "who_can_help": _("Wie of wat kan je daarbij helpen?"),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["focus_dimension"].choices = [
            ("", _("Weet ik nog niet")),
            *self.fields["focus_dimension"].choices[1:],
        ]


class ConsentForm(forms.Form):
    given = forms.BooleanField(
        label=_(
            "Mijn cijfers mogen anoniem worden gebruikt om te meten wat de beweging "
            "in mijn gemeente oplevert."
        ),
        help_text=_(
            "Niemand ziet dan jouw naam of jouw antwoorden. We tellen alleen cijfers van groepen "
            "van minstens tien mensen. Je kunt dit altijd weer uitzetten."
        ),
        required=False,
    )
    education = forms.ChoiceField(
        label=_("Wat is de hoogste opleiding die je hebt afgemaakt? (mag je overslaan)"),
        help_text=_(
            "We vragen dit om te zien of de beweging ook mensen met weinig opleiding helpt. "
            "We bewaren het alleen als je cijfers meetellen."
        ),
        choices=[("", _("Zeg ik liever niet")), *Education.choices],
        required=False,
        widget=forms.RadioSelect,
    )


DURATIONS = [
    ("7", _("1 week")),
    ("30", _("1 maand")),
    ("91", _("3 maanden")),
    ("182", _("6 maanden")),
    ("365", _("1 jaar")),
]


class ShareForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Hoe wil je delen?"),
        choices=[
            ("code", _("Ik krijg een code en geef die zelf aan de professional")),
            ("email", _("Stuur de code per e-mail naar de professional")),
        ],
        widget=forms.RadioSelect,
        initial="code",
    )
    email = forms.EmailField(
        max_length=254,
        label=_("E-mailadres van de professional"),
        help_text=_("Alleen nodig als we de code moeten mailen."),
        required=False,
    )
    scope = forms.ChoiceField(
        label=_("Wat mag de professional zien?"),
        choices=ShareScope.choices,
        widget=forms.RadioSelect,
        initial=ShareScope.ONE,
    )
    duration = forms.ChoiceField(label=_("Hoe lang?"), choices=DURATIONS, initial="30")
    include_reflection = forms.BooleanField(
        label=_("De professional mag ook lezen wat ik bij 'Het andere gesprek' schreef"),
        help_text=_("Wat belangrijk is voor jou, wat je wilt veranderen en wat je nodig hebt."),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("method") == "email" and not data.get("email"):
            self.add_error("email", _("Vul het e-mailadres van de professional in."))
        return data

    def service_arguments(self) -> dict:
        """The answers as keyword arguments for services.sharing.share_create."""
        data = self.cleaned_data
        return {
            "scope": data["scope"],
            "expires_at": timezone.now() + timedelta(days=int(data["duration"])),
            "invite_email": data["email"] if data["method"] == "email" else "",
            "include_reflection": data["include_reflection"],
        }


class ClaimForm(forms.Form):
    code = forms.CharField(
        label=_("Code van de inwoner"),
        help_text=_("Bijvoorbeeld ABCD-EFGH."),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notitie bij dit gesprek"),
        help_text=_("De inwoner leest deze notitie ook."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class NearbyForm(forms.Form):
    """Uitzicht: which part of health, and where (GET; a wrong value is simply not used)."""

    kant = forms.ChoiceField(label=_("Waar wil je aan werken?"), required=False)
    gemeente = forms.ChoiceField(label=_("In welke gemeente woon je?"), required=False)

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kant"].choices = [("", _("Kies een onderdeel")), *DIMENSIONS.choices]
        self.fields["gemeente"].choices = [
            ("", _("Kies je gemeente")),
            *((m.code, m.name) for m in municipalities),
        ]

    def value(self, name: str) -> str:
        """The valid value of one field, or ""."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get(name) or ""
