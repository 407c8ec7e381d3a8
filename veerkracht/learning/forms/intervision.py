from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models.intervision import MAX_MEMBERS, MIN_MEMBERS, REFLECTION_MAX


class GroupForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van de intervisiegroep"),
        max_length=120,
        error_messages={"required": _("Geef de intervisiegroep een naam.")},
    )
    members = forms.MultipleChoiceField(
        label=_("Deelnemers"),
        help_text=_("Kies %(min)s tot en met %(max)s deelnemers.") % {"min": MIN_MEMBERS, "max": MAX_MEMBERS},
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies de deelnemers van de groep."),
            "invalid_choice": _("Kies alleen deelnemers uit de lijst."),
        },
    )

    def __init__(self, *args, learners=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [
            (str(user.pk), f"{user.display_name} ({user.email})") for user in learners
        ]


class PlanForm(forms.Form):
    first = forms.DateField(
        label=_("Datum van de eerste bijeenkomst"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Kies een datum."),
            "invalid": _("Vul een datum in, bijvoorbeeld 14-03-2026."),
        },
    )
    starts = forms.TimeField(
        label=_("Begint om"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": _("Vul de begintijd in."),
            "invalid": _("Vul een tijd in, bijvoorbeeld 19:30."),
        },
    )
    ends = forms.TimeField(
        label=_("Eindigt om"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": _("Vul de eindtijd in."),
            "invalid": _("Vul een tijd in, bijvoorbeeld 21:30."),
        },
    )
    count = forms.IntegerField(
        label=_("Aantal bijeenkomsten"),
        min_value=1,
        max_value=12,
        initial=4,
        error_messages={
            "required": _("Vul het aantal bijeenkomsten in."),
            "invalid": _("Vul een getal in."),
            "min_value": _("Kies minstens 1 bijeenkomst."),
            "max_value": _("Kies hoogstens 12 bijeenkomsten."),
        },
    )
    weeks_between = forms.IntegerField(
        label=_("Aantal weken tussen twee bijeenkomsten"),
        min_value=1,
        max_value=8,
        initial=4,
        error_messages={
            "required": _("Vul het aantal weken in."),
            "invalid": _("Vul een getal in."),
            "min_value": _("Kies minstens 1 week."),
            "max_value": _("Kies hoogstens 8 weken."),
        },
    )
    place = forms.CharField(
        label=_("Plek"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld: Buurthuis De Kern, Heerlen"),
    )
    online = forms.BooleanField(label=_("Online"), required=False)


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Je reflectie"),
        help_text=_("Wat nam je mee uit deze bijeenkomst? Alleen de groep en de begeleider lezen het."),
        max_length=REFLECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf je reflectie."),
            "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
        },
    )
