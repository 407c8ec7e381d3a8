"""People trained (per target group and part of the region) and courses completed per period.

Counts of people: the monitor protects small numbers (``about_residents``), and a person counts once per
cell however many courses they completed there.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import STOCK, Breakdown, Indicator, Window, register, register_breakdown

from . import GROUP, SOURCE


def _target_groups() -> list[tuple[str, str]]:
    from ..models import TargetGroup

    return [(value, str(label)) for value, label in TargetGroup.choices]


def _subregions() -> list[tuple[str, str]]:
    from veerkracht.regions.selectors import current_region

    from ..selectors.catalogue import subregions
    from ..selectors.enrolments import WHOLE_REGION

    region = current_region()
    found = [(s.slug, s.name) for s in subregions(region)] if region else []
    return [*found, (WHOLE_REGION, str(_("online of de hele regio")))]


register_breakdown(Breakdown("course_target_group", _("doelgroep van de cursus"), _target_groups))
register_breakdown(Breakdown("cohort_subregion", _("deel van de regio van de groep"), _subregions))


def _trained(window: Window):
    from ..selectors.enrolments import trained_rows

    people = {user: code for user, code, _group, _subregion in trained_rows(window.region, window.as_of)}
    return ((code, {}) for code in people.values())


def _trained_by_group(window: Window):
    from ..selectors.enrolments import trained_rows

    cells = {(user, code, group, sub) for user, code, group, sub in trained_rows(window.region, window.as_of)}
    return ((code, {"course_target_group": group, "cohort_subregion": sub}) for _u, code, group, sub in cells)


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
        name=_("Mensen geschoold, naar doelgroep en deel van de regio"),
        definition=_(
            "Mensen die een cursus hebben afgerond, naar de doelgroep van de cursus en het deel van de regio "
            "van hun groep. Wie in twee doelgroepen of delen van de regio een cursus afrondde, telt in elk "
            "daarvan één keer."
        ),
        unit="people",
        source=SOURCE,
        group=GROUP,
        rows=_trained_by_group,
        breakdowns=("course_target_group", "cohort_subregion"),
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
