"""The agenda's monitor figures: sessions held, registrations, attendance, people reached, first-time
visitors, how sessions were rated, and the requests and initiatives that came out of them.

Every figure belongs to the place of the event (its municipality; an online event has none and counts
for the region only). The two counts of people are about residents: the monitor's small-number
protection applies, they are shown for closed quarters and years (first-time visitors: quarters) only
and without splits (each cell adds to the monitor's audit), and first-time visitors are declared to be
among the people reached, cell by cell, so the audit knows the link. Only the sessions are split by
kind: every split is stored for every area and period since the region began.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import (
    MEDIAN,
    QUARTER,
    YEAR,
    Breakdown,
    Indicator,
    Window,
    register,
    register_breakdown,
    register_first_activity,
    register_group,
)

from .models import EventKind, IdeaOutcome
from .selectors.indicators import (
    attendance_between,
    evaluation_means_between,
    events_held_between,
    first_event_at,
    first_visits_between,
    ideas_between,
    people_reached_between,
    registrations_for_events_between,
)

SOURCE = _("Agenda in Veerkracht")
GROUP = "agenda"
RESIDENT_PERIODS = (QUARTER, YEAR)
HELD = _(
    "Een bijeenkomst telt in de periode waarin ze begon, zodra ze voorbij is; een bijeenkomst die niet "
    "doorging telt niet. Een online bijeenkomst telt alleen voor de hele regio."
)

register_group(GROUP, _("Bijeenkomsten"))
register_breakdown(Breakdown("event_kind", _("soort bijeenkomst"), lambda: list(EventKind.choices)))
register_breakdown(Breakdown("idea_outcome", _("werd"), lambda: list(IdeaOutcome.choices)))
register_first_activity(first_event_at)


def _sessions(window: Window):
    rows = events_held_between(window.region, window.start, window.end, window.as_of)
    return ((code, {"event_kind": kind}) for code, kind in rows)


def _registrations(window: Window):
    rows = registrations_for_events_between(window.region, window.start, window.end, window.as_of)
    return ((code, {}) for code, _kind in rows)


def _attendance(window: Window):
    rows = attendance_between(window.region, window.start, window.end, window.as_of)
    return ((code, {}) for code, _kind, places in rows for _place in range(places))


def _reach(window: Window):
    people = people_reached_between(window.region, window.start, window.end, window.as_of)
    return ((code, {}) for code in people.values())


def _first_visits(window: Window):
    # In the cell of the same event as in the reach (their last one in the period): every first-time
    # visitor is in the same reach cell, as `contains` tells the monitor's audit.
    people = people_reached_between(window.region, window.start, window.end, window.as_of)
    first = first_visits_between(window.region, window.start, window.end)
    return ((code, {}) for person, code in people.items() if person in first)


def _ratings(window: Window):
    return evaluation_means_between(window.region, window.start, window.end, window.as_of)


def _ideas(window: Window):
    rows = ideas_between(window.region, window.start, window.end)
    return ((code, {"idea_outcome": outcome}) for code, outcome in rows)


register(
    Indicator(
        key="agenda_sessions",
        name=_("Bijeenkomsten gehouden"),
        definition=_(
            "Inspiratiesessies, workshops, lezingen en andere bijeenkomsten uit de agenda die in de periode "
            "plaatsvonden, naar soort, in de gemeente waar ze waren."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_sessions,
        breakdowns=("event_kind",),
        order=10,
        notes=(HELD,),
    )
)
register(
    Indicator(
        key="agenda_registrations",
        name=_("Aanmeldingen voor bijeenkomsten"),
        definition=_(
            "Aanmeldingen voor bijeenkomsten die in de periode plaatsvonden en die bij het begin nog "
            "golden. Wie zich afmeldde, op de wachtlijst bleef of zonder aanmelding binnenliep, telt "
            "niet mee. Eén aanmelding kan voor meer plaatsen zijn."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_registrations,
        order=20,
        notes=(HELD,),
    )
)
register(
    Indicator(
        key="agenda_attendance",
        name=_("Aanwezigen bij bijeenkomsten"),
        definition=_(
            "Plaatsen die bij de deur werden afgevinkt bij bijeenkomsten in de periode, ook van wie "
            "zonder aanmelding binnenliep. Wie met iemand meekwam telt ook mee; wie naar twee "
            "bijeenkomsten kwam telt twee keer."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_attendance,
        order=30,
        notes=(HELD,),
    )
)
register(
    Indicator(
        key="agenda_reach",
        name=_("Mensen bereikt met bijeenkomsten"),
        definition=_(
            "Verschillende mensen (naar e-mailadres) die in de periode bij minstens één bijeenkomst "
            "binnen waren, in de gemeente van hun laatste bijeenkomst in de periode. Wie zij meenamen, "
            "telt niet mee: van hen weten we geen e-mailadres."
        ),
        unit="people",
        source=SOURCE,
        group=GROUP,
        rows=_reach,
        periods=RESIDENT_PERIODS,
        about_residents=True,
        contains=("agenda_first_visits",),
        order=40,
        notes=(
            _(
                "Na 12 maanden wissen we namen en e-mailadressen van deelnemers. Zulke oude bezoeken tellen "
                "nog als aanwezigen, maar niet meer als persoon."
            ),
        ),
    )
)
register(
    Indicator(
        key="agenda_first_visits",
        name=_("Mensen voor het eerst bij een bijeenkomst"),
        definition=_(
            "Mensen die in de periode voor het eerst bij een bijeenkomst in de regio binnen waren, in de "
            "gemeente van hun laatste bijeenkomst in de periode. Ze tellen ook mee bij de mensen bereikt."
        ),
        unit="people",
        source=SOURCE,
        group=GROUP,
        rows=_first_visits,
        # Quarters only: the monitor links a year to its quarters as "the year holds no more people
        # than its quarters together, cell by cell", which holds for the reach (everyone counts at
        # their last session) but not here: a first-timer of the year counts at their last session
        # of the year, which is in a later quarter than their first visit when they came back.
        periods=(QUARTER,),
        about_residents=True,
        order=50,
        notes=(
            _(
                "Van bezoeken van meer dan 12 maanden geleden weten we niet meer wie er was: wie lang niet "
                "kwam, telt bij een nieuw bezoek weer als nieuw."
            ),
        ),
    )
)
register(
    Indicator(
        key="agenda_rating",
        name=_("Waardering van bijeenkomsten"),
        definition=_(
            "De mediaan van de evaluaties van bijeenkomsten in de periode. Elke evaluatie telt als het "
            "gemiddelde van haar vier vragen (van 1 tot 5): hoe vond je de bijeenkomst, heb je iets "
            "nieuws gehoord, heb je mensen ontmoet, zou je het een ander aanraden."
        ),
        unit="rating",
        source=SOURCE,
        group=GROUP,
        rows=_ratings,
        aggregate=MEDIAN,
        periods=RESIDENT_PERIODS,
        order=60,
        notes=(_("Alleen wie de evaluatie invulde telt mee; dat is niet iedereen die er was."),),
    )
)
register(
    Indicator(
        key="agenda_ideas",
        name=_("Vragen en initiatieven uit bijeenkomsten"),
        definition=_(
            "Ideeën uit een bijeenkomst die in de periode een vraag aan het actiecentrum of een initiatief "
            "werden, in de gemeente van de bijeenkomst."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_ideas,
        breakdowns=("idea_outcome",),
        order=70,
    )
)
