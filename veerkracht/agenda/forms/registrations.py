from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from ..models import Event, Question
from ..services.registrations import Applicant

HONEYPOT_FIELD = "website"
# Up to this many places the choice is a row of big radio buttons, above it a list to choose from.
MANY_PLACES = 5


def _places_choices(event: Event) -> list[tuple[int, str]]:
    label = ngettext_lazy("%(n)s plaats", "%(n)s plaatsen", "n")
    return [(n, label % {"n": n}) for n in range(1, event.max_places + 1)]


class RegistrationForm(forms.Form):
    """Name, e-mail, places, the organiser's questions and consent: one short form."""

    name = forms.CharField(
        label=_("Je naam"),
        max_length=100,
        error_messages={"required": _("Vul je naam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Hierheen sturen we de bevestiging en de link om te wijzigen of af te melden."),
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    places = forms.TypedChoiceField(
        label=_("Met hoeveel personen kom je?"),
        coerce=int,
        initial=1,
        error_messages={"invalid_choice": _("Kies hoeveel plaatsen je nodig hebt.")},
    )
    consent = forms.BooleanField(
        label=_("Ik geef toestemming om mijn naam en e-mailadres te gebruiken voor deze bijeenkomst."),
        help_text=_(
            "De organisator gebruikt ze alleen om je te mailen over deze bijeenkomst en om bij de deur te "
            "zien wie er komt. Een jaar na de bijeenkomst halen we je gegevens weg."
        ),
        error_messages={"required": _("Vink dit aan. Anders kunnen we je niet aanmelden.")},
    )
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, event: Event, questions: list[Question], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.questions = questions
        self.fields["places"].choices = _places_choices(event)
        if event.max_places == 1:
            self.fields["places"].widget = forms.HiddenInput()
        elif event.max_places <= MANY_PLACES:
            self.fields["places"].widget = forms.RadioSelect(choices=self.fields["places"].choices)
        for question in questions:
            self.fields[f"vraag_{question.pk}"] = forms.CharField(
                label=question.text,
                max_length=1000,
                required=question.required,
                error_messages={"required": _("Geef hier antwoord op.")},
            )
        # The questions come before consent, the last thing to tick before sending.
        self.order_fields(["name", "email", "places", *(f"vraag_{q.pk}" for q in questions), "consent"])
        honeypot = self.fields[HONEYPOT_FIELD]
        honeypot.widget.attrs = {"tabindex": "-1", "autocomplete": "off"}
        honeypot.honeypot = True

    @staticmethod
    def initial_for(user) -> dict:
        if not (user and user.is_authenticated):
            return {}
        profile = getattr(user, "profile", None)
        return {"name": getattr(profile, "display_name", "") or "", "email": user.email}

    def applicant(self, user) -> Applicant:
        data = self.cleaned_data
        return Applicant(
            name=data["name"],
            email=data["email"],
            places=data["places"],
            answers={str(q.pk): data.get(f"vraag_{q.pk}", "") for q in self.questions},
            user=user,
        )


class PlacesForm(forms.Form):
    places = forms.TypedChoiceField(
        label=_("Met hoeveel personen kom je?"),
        coerce=int,
        error_messages={"invalid_choice": _("Kies hoeveel plaatsen je nodig hebt.")},
    )

    def __init__(self, *args, event: Event, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["places"].choices = _places_choices(event)
        if event.max_places <= MANY_PLACES:
            self.fields["places"].widget = forms.RadioSelect(choices=self.fields["places"].choices)
