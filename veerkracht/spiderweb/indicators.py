"""The spider web's monitor figures: residents reached, residents who shared, and the scores the
monitor's outcome engine turns into health outcomes (only webs of people who consented)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import (
    QUARTER,
    YEAR,
    Breakdown,
    Indicator,
    OutcomeSource,
    Window,
    register,
    register_breakdown,
    register_first_activity,
    register_outcome_source,
    with_unknown,
)

from .models import Education
from .selectors import consented_webs, first_activity, sharers_between, webs_completed_between

RESIDENT_PERIODS = (QUARTER, YEAR)
SOURCE = _("Mijn Positieve Gezondheid in Veerkracht")

register_breakdown(
    Breakdown("education", _("opleiding"), lambda: with_unknown(Education.choices), analyst_only=True)
)
register_first_activity(first_activity)
register_outcome_source(OutcomeSource(rows=consented_webs))


def _reach(window: Window):
    latest: dict[int, tuple[str, str]] = {}
    for owner, code, age in webs_completed_between(window.region, window.start, window.end):
        latest[owner] = (code, age)  # oldest first: the last one wins
    return ((code, {"age_band": age}) for code, age in latest.values())


def _sharers(window: Window):
    people = dict(sharers_between(window.region, window.start, window.end))
    return ((code, {}) for code in people.values())


register(
    Indicator(
        key="reach",
        name=_("Inwoners die een spinnenweb invulden"),
        definition=_(
            "Verschillende mensen die in de periode minstens één spinnenweb helemaal invulden, in de "
            "gemeente van hun laatste spinnenweb. Alleen wie een gemeente in de regio opgaf telt mee. "
            "Dit telt gebruik, geen scores: er is geen toestemming voor onderzoek voor nodig."
        ),
        unit="people",
        source=SOURCE,
        group="residents",
        rows=_reach,
        breakdowns=("age_band",),
        periods=RESIDENT_PERIODS,
        about_residents=True,
        # Scores come from consented webs, and those are completed webs: every person in a score
        # cell is in the same reach cell.
        contains=("score",),
        order=10,
    )
)
register(
    Indicator(
        key="sharers",
        name=_("Inwoners die hun spinnenweb deelden"),
        definition=_(
            "Verschillende mensen die in de periode een spinnenweb deelden met een professional, voor "
            "het andere gesprek, in de gemeente van hun profiel."
        ),
        unit="people",
        source=SOURCE,
        group="residents",
        rows=_sharers,
        periods=RESIDENT_PERIODS,
        about_residents=True,
        order=20,
    )
)
