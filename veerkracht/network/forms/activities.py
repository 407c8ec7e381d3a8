"""The one-minute form: what, when, where and with roughly how many people."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import ActivityKind
from ..services.activities import MAX_PEOPLE, ActivityData, activity_date_error, people_error


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat deed je?"),
        choices=ActivityKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wat je deed."),
            "invalid_choice": _("Kies wat je deed uit de lijst."),
        },
    )
    on = forms.DateField(
        label=_("Wanneer?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een datum in, zoals 14-3-2025."),
        },
    )
    municipality = forms.ChoiceField(
        label=_("In welke gemeente?"),
        required=False,
        error_messages={"invalid_choice": _("Kies een gemeente uit de lijst.")},
    )
    people = forms.IntegerField(
        label=_("Met ongeveer hoeveel mensen?"),
        help_text=_("Een schatting is goed. Bij een gesprek met één persoon: 1."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 1, "max": MAX_PEOPLE}),
        error_messages={"required": _("Vul een aantal in."), "invalid": _("Vul een heel getal in.")},
    )
    note = forms.CharField(
        label=_("Korte notitie"),
        help_text=_("Alleen jij en het actiecentrum zien dit."),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Hou het kort: hoogstens 200 tekens.")},
    )

    def __init__(self, *args, municipalities, ambassador, **kwargs) -> None:
        kwargs["initial"] = {
            "on": timezone.localdate(),
            "municipality": ambassador.municipality_id,
            "people": 1,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)
        # The region's municipalities, read once by the view: no query per render or per check.
        self._municipalities = {str(m.pk): m for m in municipalities}
        self.fields["municipality"].choices = [("", _("Online of buiten de regio"))] + [
            (str(m.pk), m.name) for m in municipalities
        ]

    def clean_municipality(self):
        return self._municipalities.get(self.cleaned_data["municipality"])

    def clean_on(self):
        on = self.cleaned_data["on"]
        if message := activity_date_error(on):
            raise forms.ValidationError(message)
        return on

    def clean_people(self):
        people = self.cleaned_data["people"]
        if message := people_error(people):
            raise forms.ValidationError(message)
        return people

    def data_for_service(self) -> ActivityData:
        data = self.cleaned_data
        return ActivityData(
            on=data["on"],
            kind=data["kind"],
            people=data["people"],
            municipality=data["municipality"],
            note=data["note"],
        )

    @classmethod
    def initial_for(cls, activity) -> dict:
        return {
            "kind": activity.kind,
            "on": activity.on,
            "municipality": activity.municipality_id,
            "people": activity.people,
            "note": activity.note,
        }
