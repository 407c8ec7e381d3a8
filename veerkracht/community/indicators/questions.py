"""Questions to the movement: asked, answered, and the time to a first answer."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import MEDIAN, Indicator, Window, register, register_first_activity

from ..selectors.questions import (
    first_question_at,
    questions_answered_between,
    questions_asked_between,
)
from . import GROUP, SOURCE

register_first_activity(first_question_at)


def _questions_asked(window: Window):
    return ((code, {}) for code in questions_asked_between(window.region, window.start, window.end))


def _questions_answered(window: Window):
    return (
        (code, {}) for code, _hours in questions_answered_between(window.region, window.start, window.end)
    )


def _answer_hours(window: Window):
    return questions_answered_between(window.region, window.start, window.end)


register(
    Indicator(
        key="community_questions_asked",
        name=_("Vragen aan de beweging gesteld"),
        definition=_(
            "Praktische vragen die leden in de periode aan de beweging stelden, in de gemeente die bij de "
            "vraag staat. Verborgen vragen tellen niet mee."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_questions_asked,
        order=300,
        notes=(_("Een vraag zonder gemeente telt alleen voor de hele regio."),),
    )
)
register(
    Indicator(
        key="community_questions_answered",
        name=_("Vragen aan de beweging beantwoord"),
        definition=_(
            "Vragen die in de periode hun eerste antwoord kregen, in de gemeente die bij de vraag staat."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_questions_answered,
        order=310,
    )
)
register(
    Indicator(
        key="community_answer_time",
        name=_("Tijd tot het eerste antwoord"),
        definition=_(
            "De mediaan van het aantal uren tussen het stellen van een vraag en het eerste antwoord, voor "
            "vragen die in de periode hun eerste antwoord kregen."
        ),
        unit="hours",
        source=SOURCE,
        group=GROUP,
        rows=_answer_hours,
        aggregate=MEDIAN,
        order=320,
    )
)
