"""Forms for organisers: one event, a series of dates, cancelling. Bad input comes back with a plain
Dutch message at the field it is about; the services check again what depends on the database."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django import forms
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Municipality, Subregion

from ..models import Event, EventKind, Visibility
from ..selectors.organise import organisers_by_email
from ..services.organise import (
    FORTNIGHTLY,
    MAX_QUESTIONS,
    MAX_SERIES_DATES,
    MAX_SERIES_DAYS,
    ORDINALS,
    WEEKDAY_NAMES,
    WEEKLY,
    QuestionText,
    at,
    series_dates,
)

QUESTION_FIELDS = [(f"question_{n}", f"question_{n}_required") for n in range(1, MAX_QUESTIONS + 1)]
# The plain fields of Event this form sets as they are.
PLAIN_FIELDS = (
    "kind",
    "visibility",
    "title",
    "theme",
    "description",
    "programme",
    "speakers",
    "step_free",
    "hearing_loop",
    "parking",
    "public_transport",
    "accessibility_notes",
    "capacity",
    "max_places",
    "offer_hours",
    "organiser_name",
    "contact_email",
)
PLACE_FIELDS = ("venue", "address", "step_free", "hearing_loop", "parking", "public_transport")


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class EventForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort bijeenkomst"), choices=[(k, capfirst(v)) for k, v in EventKind.choices]
    )
    visibility = forms.ChoiceField(
        label=_("Wie mag komen?"),
        choices=[(k, capfirst(v)) for k, v in Visibility.choices],
        widget=forms.RadioSelect,
        initial=Visibility.PUBLIC,
        help_text=_(
            "Alleen op uitnodiging: de bijeenkomst staat niet in de agenda. Je krijgt een link om te delen."
        ),
    )
    title = forms.CharField(label=_("Titel"), max_length=120)
    theme = forms.CharField(
        label=_("Thema"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld: eenzaamheid onder jongeren."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Bij welke thema's past het?"),
        choices=THEMES.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Over welke kanten van gezondheid gaat het?"),
        choices=DIMENSIONS.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("De zes kanten van Positieve Gezondheid."),
    )
    description = forms.CharField(
        label=_("Waar gaat het over?"),
        max_length=3000,
        widget=_textarea(5),
        help_text=_("In eenvoudige woorden. Voor wie is het? Wat ga je doen?"),
    )
    programme = forms.CharField(label=_("Programma"), max_length=3000, required=False, widget=_textarea(4))
    speakers = forms.CharField(label=_("Sprekers"), max_length=1000, required=False, widget=_textarea(2))
    date = forms.DateField(
        label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Begintijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Eindtijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    online = forms.BooleanField(label=_("Het is online (met een videoverbinding)"), required=False)
    video_url = forms.URLField(
        label=_("Link naar de videoverbinding"),
        required=False,
        assume_scheme="https",
        help_text=_("Alleen wie aangemeld is, ziet deze link."),
    )
    subregion = NameChoiceField(
        label=_("Voor welk deel van de regio? (bij online)"),
        queryset=Subregion.objects.none(),
        required=False,
        empty_label=_("De hele regio"),
    )
    municipality = NameChoiceField(
        label=_("In welke gemeente?"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("Kies een gemeente"),
    )
    venue = forms.CharField(
        label=_("Naam van de plek"),
        max_length=120,
        required=False,
        help_text=_("Nodig als het niet online is."),
    )
    address = forms.CharField(
        label=_("Adres"),
        max_length=200,
        required=False,
        help_text=_("Straat en huisnummer. Nodig als het niet online is."),
    )
    step_free = forms.BooleanField(label=_("Zonder drempels of trappen"), required=False)
    hearing_loop = forms.BooleanField(label=_("Er is een ringleiding"), required=False)
    parking = forms.BooleanField(label=_("Parkeren bij de deur"), required=False)
    public_transport = forms.CharField(
        label=_("Met bus of trein"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: bushalte Markt, 2 minuten lopen."),
    )
    accessibility_notes = forms.CharField(
        label=_("Meer over de toegankelijkheid"), max_length=300, required=False
    )
    capacity = forms.IntegerField(label=_("Aantal plaatsen"), min_value=1, max_value=5000)
    max_places = forms.IntegerField(
        label=_("Hoeveel plaatsen mag iemand hoogstens aanvragen?"), min_value=1, max_value=20, initial=2
    )
    offer_hours = forms.IntegerField(
        label=_("Uren om een vrijgekomen plaats aan te nemen"),
        min_value=1,
        max_value=168,
        initial=24,
        help_text=_("Wie op de wachtlijst staat en een plaats krijgt, heeft zoveel uur om ja te zeggen."),
    )
    organiser_name = forms.CharField(label=_("Georganiseerd door"), max_length=150)
    contact_email = forms.EmailField(label=_("E-mailadres voor vragen"), required=False)
    co_organisers = forms.CharField(
        label=_("Wie organiseren nog meer mee?"),
        required=False,
        widget=_textarea(2),
        help_text=_(
            "E-mailadressen van collega's die ook organisator zijn, elk op een eigen regel. Zij zien ook de "
            "lijst met deelnemers."
        ),
    )

    def __init__(
        self,
        *args,
        municipalities: QuerySet,
        subregions: QuerySet,
        organisations: QuerySet,
        event: Event | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["municipality"].queryset = municipalities
        self.fields["subregion"].queryset = subregions
        if organisations.exists():
            self.fields["organisation"] = NameChoiceField(
                label=_("Namens welke organisatie?"),
                queryset=organisations,
                required=False,
                empty_label=_("Geen organisatie"),
            )
        for n, (text, required) in enumerate(QUESTION_FIELDS, start=1):
            self.fields[text] = forms.CharField(
                label=_("Vraag %(n)s") % {"n": n}, max_length=200, required=False
            )
            self.fields[required] = forms.BooleanField(
                label=_("Vraag %(n)s moet beantwoord worden") % {"n": n}, required=False
            )

    @property
    def question_pairs(self) -> list[tuple]:
        return [(self[text], self[required]) for text, required in QUESTION_FIELDS]

    def clean_co_organisers(self) -> list:
        emails = [e for e in re.split(r"[\s,;]+", self.cleaned_data.get("co_organisers") or "") if e]
        for email in emails:
            try:
                validate_email(email)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(email)s” is geen geldig e-mailadres.") % {"email": email}
                ) from None
        found = organisers_by_email(emails)
        unknown = [e for e in emails if e.lower() not in found]
        if unknown:
            raise forms.ValidationError(
                _(
                    "Deze mensen mogen (nog) geen bijeenkomsten organiseren: %(emails)s. Vraag de "
                    "regiobeheerder om hun dat recht te geven."
                )
                % {"emails": ", ".join(unknown)}
            )
        return list(found.values())

    def _clean_times(self, data: dict) -> None:
        starts, ends = data.get("start_time"), data.get("end_time")
        if starts and ends and ends <= starts:
            self.add_error("end_time", _("De eindtijd moet later zijn dan de begintijd."))

    def _clean_place(self, data: dict) -> None:
        if data.get("online"):
            url = data.get("video_url") or ""
            if not url:
                self.add_error("video_url", _("Vul de link naar de videoverbinding in."))
            elif not url.startswith("https://"):
                self.add_error("video_url", _("De link moet beginnen met https://, zodat hij veilig is."))
            return
        if not data.get("municipality"):
            self.add_error("municipality", _("Kies de gemeente waar de bijeenkomst is, of kies online."))
        if not (data.get("venue") or "").strip():
            self.add_error("venue", _("Vul de naam van de plek in. Bijvoorbeeld: Buurthuis De Ster."))
        if not (data.get("address") or "").strip():
            self.add_error("address", _("Vul het adres in, zodat mensen de plek kunnen vinden."))

    def _clean_date(self, data: dict) -> None:
        day, starts = data.get("date"), data.get("start_time")
        if not (day and starts):
            return
        moved = self.event is None or at(day, starts) != self.event.starts_at
        if moved and at(day, starts) <= timezone.now():
            self.add_error("date", _("Deze datum en tijd zijn al voorbij. Kies een moment in de toekomst."))

    def clean(self) -> dict:
        data = super().clean()
        self._clean_times(data)
        self._clean_place(data)
        if "date" in self.fields:
            self._clean_date(data)
        return data

    def event_fields(self) -> dict:
        """The Event fields as the form sets them (starts_at/ends_at when it has a date)."""
        data = self.cleaned_data
        fields = {name: data[name] for name in PLAIN_FIELDS}
        online = data["online"]
        municipality = None if online else data["municipality"]
        fields.update(
            themes=THEMES.mask(data["themes"]),
            dimensions=DIMENSIONS.mask(data["dimensions"]),
            online=online,
            video_url=data["video_url"] if online else "",
            municipality=municipality,
            subregion=municipality.subregion if municipality else data.get("subregion"),
            venue="" if online else data["venue"].strip(),
            address="" if online else data["address"].strip(),
            organisation=data.get("organisation"),
        )
        if online:
            fields.update(dict.fromkeys(("step_free", "hearing_loop", "parking"), False))
            fields["public_transport"] = ""
        if "date" in data:
            fields["starts_at"] = at(data["date"], data["start_time"])
            fields["ends_at"] = at(data["date"], data["end_time"])
        if self.event is not None:
            # The form shows minutes: a time with seconds that was not touched stays as it was (no
            # change to tell attendees about).
            for name in ("starts_at", "ends_at"):
                current = getattr(self.event, name)
                if fields.get(name) == current.replace(second=0, microsecond=0):
                    fields[name] = current
        return fields

    def questions(self) -> list[QuestionText]:
        data = self.cleaned_data
        return [
            QuestionText(data[text].strip(), bool(data[required]))
            for text, required in QUESTION_FIELDS
            if (data.get(text) or "").strip()
        ]

    @staticmethod
    def initial_from(event: Event, questions: list, co_organisers: list[str]) -> dict:
        local_start, local_end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
        names = (*PLAIN_FIELDS, "online", "video_url", "venue", "address")
        initial = {name: getattr(event, name) for name in names}
        initial.update(
            themes=THEMES.keys_of(event.themes),
            dimensions=DIMENSIONS.keys_of(event.dimensions),
            date=local_start.date(),
            start_time=local_start.time(),
            end_time=local_end.time(),
            municipality=event.municipality_id,
            subregion=event.subregion_id,
            organisation=event.organisation_id,
            co_organisers="\n".join(co_organisers),
        )
        for (text, required), question in zip(QUESTION_FIELDS, questions, strict=False):
            initial[text], initial[required] = question.text, question.required
        return initial


FREQUENCIES = [
    (WEEKLY, _("Elke week")),
    (FORTNIGHTLY, _("Om de week (elke twee weken)")),
    *((key, _("Elke %(which)s van de maand") % {"which": label}) for key, label in ORDINALS.items()),
]


class SeriesForm(EventForm):
    """The same fields as one event, but a rule and a period instead of one date."""

    weekday = forms.TypedChoiceField(
        label=_("Op welke dag van de week?"),
        coerce=int,
        choices=[(n, capfirst(name)) for n, name in enumerate(WEEKDAY_NAMES)],
    )
    frequency = forms.ChoiceField(label=_("Hoe vaak?"), choices=FREQUENCIES, initial="2")
    first_date = forms.DateField(
        label=_("Vanaf"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    last_date = forms.DateField(
        label=_("Tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Hoogstens een jaar na de eerste datum, en hoogstens 60 bijeenkomsten."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["date"]

    def _clean_period(self, data: dict) -> None:
        first, last = data.get("first_date"), data.get("last_date")
        if not (first and last):
            return
        if first < timezone.localdate():
            self.add_error("first_date", _("Deze datum is al voorbij. Kies een datum vanaf vandaag."))
        elif last < first:
            self.add_error("last_date", _("De laatste datum moet na de eerste liggen."))
        elif last - first > timedelta(days=MAX_SERIES_DAYS):
            self.add_error("last_date", _("Een reeks duurt hoogstens een jaar. Kies een eerdere datum."))
        elif "weekday" in data and "frequency" in data:
            self._clean_dates(data, first, last)

    def _clean_dates(self, data: dict, first: date, last: date) -> None:
        dates = series_dates(weekday=data["weekday"], frequency=data["frequency"], first=first, last=last)
        start = data.get("start_time")
        if start and dates and at(dates[0], start) <= timezone.now():
            dates = dates[1:]  # today's time has passed: start with the next date
        if not dates:
            self.add_error(
                "last_date", _("Tussen deze datums valt geen enkele bijeenkomst. Kies andere datums.")
            )
        elif len(dates) > MAX_SERIES_DATES:
            self.add_error(
                "last_date",
                _("Zo worden het %(n)s bijeenkomsten. Dat mogen er hoogstens %(max)s zijn.")
                % {"n": len(dates), "max": MAX_SERIES_DATES},
            )
        data["dates"] = dates

    def clean(self) -> dict:
        data = super().clean()
        self._clean_period(data)
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom gaat de bijeenkomst niet door?"),
        max_length=300,
        widget=_textarea(3),
        help_text=_("Dit staat in de e-mail aan iedereen die zich heeft aangemeld."),
    )
    confirm = forms.BooleanField(
        label=_("Ja, de bijeenkomst gaat niet door. Stuur iedereen een bericht."),
        error_messages={"required": _("Zet een vinkje als je zeker weet dat de bijeenkomst niet doorgaat.")},
    )
