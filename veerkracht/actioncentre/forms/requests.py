"""Forms for requests: the intake, the sender's page, and the triage board."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.selectors import municipalities_for_region

from ..models import CloseReason, RequestKind, RequestStatus, allowed_transitions
from ..selectors.requests import ASSIGNEE_ME, ASSIGNEE_NOBODY, STATUS_ALL, STATUS_OPEN
from ..services.requests import MAX_BULK
from ..vocab import HELP_TYPES

HONEYPOT_FIELD = "website"

# The six dimensions in a few plain words each, so people can choose without knowing the model.
DIMENSION_HINTS = {
    "body": _("je lichaam, energie, slapen, bewegen"),
    "mind": _("hoe je je voelt en wat je denkt"),
    "meaning": _("wat je leven zin geeft"),
    "quality": _("genieten, je veilig voelen, wonen, geld"),
    "participation": _("contact met anderen, meedoen, werk"),
    "daily": _("voor jezelf zorgen, je dag plannen, hulp vragen"),
}


class IntakeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat wil je insturen?"),
        choices=RequestKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of je een vraag, een idee of een hulpvraag hebt.")},
    )
    title = forms.CharField(
        label=_("Waar gaat het over?"),
        help_text=_("In een paar woorden. Bijvoorbeeld: een wandelgroep voor ouderen in mijn wijk."),
        max_length=120,
        error_messages={"required": _("Schrijf in een paar woorden waar het over gaat.")},
    )
    description = forms.CharField(
        label=_("Vertel er meer over"),
        help_text=_("Wat wil je weten of doen? Wat heb je al geprobeerd? Hoogstens 3000 tekens."),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Vertel ons wat meer, dan kunnen we je beter helpen.")},
    )
    municipality = forms.ModelChoiceField(
        label=_("In welke gemeente?"),
        queryset=municipalities_for_region(None),
        empty_label=_("Kies een gemeente"),
        error_messages={"required": _("Kies de gemeente waar het over gaat.")},
    )
    themes = forms.MultipleChoiceField(
        label=_("Bij welke thema's past het?"),
        choices=THEMES.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Welke kanten van gezondheid horen erbij?"),
        help_text=_(
            "Positieve Gezondheid kijkt naar zes kanten van je leven. Kies wat bij je vraag of idee past. "
            "Weet je het niet? Sla dit dan over."
        ),
        choices=[
            (key, format_lazy("{} ({})", name, DIMENSION_HINTS[key])) for key, name in DIMENSIONS.choices
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    needs = forms.MultipleChoiceField(
        label=_("Wat heb je nodig?"),
        choices=HELP_TYPES.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    name = forms.CharField(
        label=_("Je naam"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul je naam in.")},
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("We sturen je een e-mail met een link naar je eigen pagina. Daar volg je je vraag."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Vul je e-mailadres in.")},
    )
    contact_consent = forms.BooleanField(
        label=_("Het actiecentrum mag contact met mij opnemen over mijn vraag"),
        help_text=_("Dat doen we per e-mail. Je gegevens gebruiken we alleen hiervoor."),
        error_messages={"required": _("Vink dit aan. Anders kunnen we je niet helpen.")},
    )
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, region=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities_for_region(region)
        # A field for bots: hidden by CSS class (our Content-Security-Policy blocks inline styles).
        honeypot = self.fields[HONEYPOT_FIELD]
        honeypot.widget.attrs = {"tabindex": "-1", "autocomplete": "off"}
        honeypot.honeypot = True

    # Asked on the page's second level (folded away unless filled in, prefilled or wrong).
    MORE = ("themes", "dimensions", "needs")

    @property
    def more_is_open(self) -> bool:
        if self.is_bound:
            return any(self.data.getlist(name) for name in self.MORE) or any(
                n in self.errors for n in self.MORE
            )
        return any(self.initial.get(name) for name in self.MORE)

    def submission(self) -> dict:
        """The cleaned values as keyword arguments for services.requests.request_submit."""
        data = self.cleaned_data
        keys = ("kind", "title", "description", "municipality", "themes", "dimensions", "needs")
        return {key: data[key] for key in (*keys, "name", "email", "contact_consent")}


class SenderInfoForm(forms.Form):
    text = forms.CharField(
        label=_("Wil je iets aanvullen?"),
        help_text=_("Bijvoorbeeld iets wat je vergat, of een vraag aan ons. Hoogstens 2000 tekens."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf eerst iets op.")},
    )


# --- Triage board -----------------------------------------------------------------------------


def staff_choices(staff) -> list[tuple[str, str]]:
    return [(str(user.pk), user.display_name) for user in staff]


class BoardFilterForm(forms.Form):
    """The board's filters: a GET form, every field optional; an invalid value just does not filter."""

    q = forms.CharField(label=_("Zoeken"), max_length=100, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(STATUS_OPEN, _("Alle open vragen")), *RequestStatus.choices, (STATUS_ALL, _("Alles"))],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Alle soorten")), *RequestKind.choices], required=False
    )
    assignee = forms.ChoiceField(label=_("Opgepakt door"), required=False)
    subregion = forms.ModelChoiceField(
        label=_("Deelregio"), queryset=None, required=False, empty_label=_("Alle deelregio's")
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=None, required=False, empty_label=_("Alle gemeenten")
    )
    theme = forms.ChoiceField(
        label=_("Thema"), choices=[("", _("Alle thema's")), *THEMES.choices], required=False
    )
    dimension = forms.ChoiceField(
        label=_("Kant van gezondheid"), choices=[("", _("Alle kanten")), *DIMENSIONS.choices], required=False
    )
    stale = forms.BooleanField(label=_("Alleen nieuwe vragen die te lang wachten"), required=False)

    def __init__(self, *args, region, staff, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subregion"].queryset = region.subregions.order_by("name")
        self.fields["municipality"].queryset = municipalities_for_region(region)
        self.fields["assignee"].choices = [
            ("", _("Iedereen")),
            (ASSIGNEE_ME, _("Ik")),
            (ASSIGNEE_NOBODY, _("Niemand")),
            *staff_choices(staff),
        ]

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields if name != "status")


class IntListField(forms.Field):
    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": _("Er ging iets mis met de gekozen vragen. Probeer het opnieuw.")}

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        try:
            ids = [int(v) for v in value]
        except (TypeError, ValueError) as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc
        if not all(0 < i < 2**63 for i in ids):  # beyond a database integer: tampered
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return ids


BULK_ME = "me"
BULK_ASSIGN = "assign"
BULK_CLOSE = "close"


class BulkForm(forms.Form):
    ids = IntListField(error_messages={"required": _("Kies eerst een of meer vragen.")})
    action = forms.ChoiceField(
        label=_("Wat wil je doen met de gekozen vragen?"),
        choices=[
            (BULK_ME, _("Aan mij toewijzen")),
            (BULK_ASSIGN, _("Toewijzen aan een collega")),
            (BULK_CLOSE, _("Afsluiten")),
        ],
    )
    assignee = forms.ChoiceField(label=_("Collega (alleen bij toewijzen aan een collega)"), required=False)
    reason = forms.ChoiceField(
        label=_("Reden (alleen bij afsluiten)"),
        choices=[("", _("Kies een reden")), *CloseReason.choices],
        required=False,
    )
    query = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, staff, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("Kies een collega")), *staff_choices(staff)]

    def clean_ids(self) -> list[int]:
        ids = self.cleaned_data["ids"]
        if len(ids) > MAX_BULK:
            message = _("Kies hoogstens %(max)s vragen tegelijk.")
            raise forms.ValidationError(message, params={"max": MAX_BULK})
        return ids

    def clean(self):
        data = super().clean()
        if data.get("action") == BULK_ASSIGN and not data.get("assignee"):
            self.add_error("assignee", _("Kies aan wie je de vragen geeft."))
        if data.get("action") == BULK_CLOSE and not data.get("reason"):
            self.add_error("reason", _("Kies waarom je de vragen afsluit."))
        return data


# --- Detail page ------------------------------------------------------------------------------


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Nieuwe status"))
    reason = forms.ChoiceField(
        label=_("Reden"),
        help_text=_("Alleen nodig als je de vraag afsluit."),
        choices=[("", _("Kies een reden")), *CloseReason.choices],
        required=False,
    )

    def __init__(self, *args, current: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(RequestStatus.choices)
        self.fields["to_status"].choices = [(s, labels[s]) for s in allowed_transitions(current)]

    def clean(self):
        data = super().clean()
        if data.get("to_status") == RequestStatus.CLOSED:
            if not data.get("reason"):
                self.add_error("reason", _("Kies waarom je de vraag afsluit."))
        else:
            data["reason"] = ""  # a reason belongs to closing only
        return data


class AssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("Wie pakt deze vraag op?"), required=False)

    def __init__(self, *args, staff, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("Niemand")), *staff_choices(staff)]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Interne notitie"),
        help_text=_("Alleen mensen van het actiecentrum lezen dit. De indiener niet."),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Bericht aan de indiener"),
        help_text=_(
            "De indiener leest dit op de eigen pagina en krijgt het per e-mail, met een nieuwe link. "
            "De oude link werkt daarna niet meer."
        ),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
