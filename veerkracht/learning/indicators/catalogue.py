"""People trained (per target group, in every part of the region) and courses completed per period.

Counts of people: the monitor protects small numbers (``about_residents``). Every person counts exactly
once — in the municipality of their profile and under the target group of the last course they
completed — so the cells of a breakdown add up to the total, as the monitor's disclosure control
assumes (a person counted in two cells would let hidden cells be worked out).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import STOCK, Breakdown, Indicator, Window, register, register_breakdown

from . import GROUP, SOURCE


def _target_groups() -> list[tuple[str, str]]:
    from ..models import TargetGroup

    return [(value, str(label)) for value, label in TargetGroup.choices]


register_breakdown(Breakdown("course_target_group", _("doelgroep van de cursus"), _target_groups))


def _people(window: Window) -> dict[int, tuple[str | None, str]]:
    """Per person: (municipality code, target group of the latest course completed)."""
    from ..selectors.enrolments import trained_rows

    return {user: (code, group) for user, code, group in trained_rows(window.region, window.as_of)}


def _trained(window: Window):
    return ((code, {}) for code, _group in _people(window).values())


def _trained_by_group(window: Window):
    return ((code, {"course_target_group": group}) for code, group in _people(window).values())


def _completions(window: Window):
    from ..selectors.enrolments import completion_rows

    rows = completion_rows(window.region, window.start, window.end)
    return ((code, {"course_target_group": group}) for code, group in rows)


_WHERE = _(
    "Een persoon telt in de gemeente uit zijn of haar profiel (zonder gemeente alleen voor de hele regio)."
)

register(
    Indicator(
        key="learning_people_trained",
        name=_("Mensen geschoold"),
        definition=_(
            "Mensen die aan het eind van de periode minstens één cursus hebben afgerond. Iedereen telt "
            "één keer."
        ),
        unit="people",
        source=SOURCE,
        group=GROUP,
        rows=_trained,
        kind=STOCK,
        about_residents=True,
        order=10,
        notes=(_WHERE,),
    )
)
register(
    Indicator(
        key="learning_people_trained_by_group",
        name=_("Mensen geschoold, naar doelgroep"),
        definition=_(
            "Mensen die aan het eind van de periode minstens één cursus hebben afgerond, naar de doelgroep "
            "van de laatste cursus die ze afrondden. Iedereen telt één keer; per deel van de regio en per "
            "gemeente zoals bij elk cijfer."
        ),
        unit="people",
        source=SOURCE,
        group=GROUP,
        rows=_trained_by_group,
        breakdowns=("course_target_group",),
        kind=STOCK,
        about_residents=True,
        order=11,
        notes=(_WHERE,),
    )
)
register(
    Indicator(
        key="learning_completions",
        name=_("Cursussen afgerond"),
        definition=_("Inschrijvingen die in de periode werden afgerond, naar de doelgroep van de cursus."),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_completions,
        breakdowns=("course_target_group",),
        order=12,
        notes=(_WHERE,),
    )
)
