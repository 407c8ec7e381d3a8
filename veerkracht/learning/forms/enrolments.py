from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class EnrolForm(forms.Form):
    """The learner enrols in a cohort; optionally names their organisation (one of their memberships)."""

    organisation = forms.TypedChoiceField(label=_("Via welke organisatie?"), coerce=int, required=False)

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        self.fields["organisation"].choices = [
            ("", _("geen (ik meld me zelf aan)")),
            *((o.pk, o.name) for o in organisations),
        ]
        self.fields["organisation"].empty_value = None
        if not organisations:
            self.fields["organisation"].widget = forms.HiddenInput()

    def chosen_organisation(self):
        return self.organisations.get(self.cleaned_data.get("organisation"))


class StaffEnrolForm(forms.Form):
    """An organisation admin enrols a member of their organisation in a cohort."""

    user = forms.TypedChoiceField(label=_("Medewerker"), coerce=int)
    cohort = forms.TypedChoiceField(label=_("Cursus en startdatum"), coerce=int)

    def __init__(self, *args, staff, cohorts, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.staff = {u.pk: u for u in staff}
        self.cohorts = {c.pk: c for c in cohorts}
        self.fields["user"].choices = [
            ("", _("kies een medewerker")),
            *((u.pk, u.display_name) for u in staff),
        ]
        self.fields["user"].error_messages["required"] = _("Kies een medewerker.")
        self.fields["user"].error_messages["invalid_choice"] = _("Kies een medewerker van je organisatie.")
        self.fields["cohort"].choices = [
            ("", _("kies een cursus")),
            *((c.pk, f"{c.course.title} – {c.title} ({c.starts_on:%d-%m-%Y})") for c in cohorts),
        ]
        self.fields["cohort"].error_messages["required"] = _("Kies een cursus en startdatum.")
        self.fields["cohort"].error_messages["invalid_choice"] = _(
            "Voor deze groep kun je niet (meer) aanmelden."
        )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom niet?"),
        max_length=300,
        help_text=_("De deelnemer leest dit."),
        error_messages={"required": _("Schrijf kort op waarom. De deelnemer leest dit.")},
    )
