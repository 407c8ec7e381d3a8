from __future__ import annotations

from allauth.account import forms as allauth_forms
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from veerkracht.regions.models import Municipality

from .models import AgeBand


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form without its own "Wachtwoord vergeten?" help text: the page has that link
    once, under the password box (templates/account/login.html)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].help_text = ""


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        label=_("Je voornaam of roepnaam"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )

    field_order = ["email", "display_name"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Sign-up asks for an e-mail address only; a password can be set later under "Mijn account".
        self.fields.pop("password1", None)
        self.fields.pop("password2", None)
        # allauth styles its honeypot inline, which our Content-Security-Policy blocks; hide it by class.
        honeypot = self.fields.get(settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD)
        if honeypot is not None:
            honeypot.label = _("Laat dit veld leeg")
            honeypot.widget.attrs = {"tabindex": "-1", "autocomplete": "off"}
            honeypot.honeypot = True


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Naam die anderen zien"),
        help_text=_("Bijvoorbeeld je voornaam. Mag leeg blijven."),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        help_text=_("Zo kunnen we laten zien wat er bij jou in de buurt gebeurt."),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("Zeg ik liever niet"),
    )
    neighbourhood = forms.CharField(label=_("Wijk of dorp"), max_length=80, required=False)
    age_band = forms.ChoiceField(
        label=_("Leeftijd"),
        help_text=_("We vragen geen geboortedatum, alleen ongeveer hoe oud je bent."),
        choices=[("", _("Zeg ik liever niet")), *AgeBand.choices],
        required=False,
    )
    preferred_language = forms.ChoiceField(label=_("Taal van de website"), choices=settings.LANGUAGES)

    def __init__(self, *args, municipalities=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, ik wil mijn account en al mijn gegevens nu verwijderen."),
        error_messages={"required": _("Vink het vakje aan als je zeker weet dat je alles wilt verwijderen.")},
    )
