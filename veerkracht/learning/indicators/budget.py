"""The training-plan budget in the monitor: euros spent, the share of the budget spent, and how far
the targets are. Money, not people: no small-number protection.

The monitor sums nothing itself (it counts rows or takes a median), so each figure here is one value
for the whole region (the median of one value is that value), computed by the database.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import MEDIAN, STOCK, Indicator, Window, register, register_unit

from ..selectors.budget import budget_totals, spent_between, targets_progress
from . import GROUP, SOURCE

register_unit("euro", _("euro"))
register_unit("percent", _("procent"))


def _day(moment):
    return timezone.localtime(moment).date()


def _spent(window: Window):
    budget, _spent_total = budget_totals(window.region)
    if budget:
        yield None, spent_between(window.region, _day(window.start), _day(window.end)) / 100


def _share(window: Window):
    # as_of is the end of the period (exclusive): count what was spent before it.
    until = _day(window.as_of) - timedelta(days=1)
    budget, spent = budget_totals(window.region, until=until)
    if budget:
        yield None, round(100 * spent / budget, 1)


def _targets(window: Window):
    until = _day(window.as_of) - timedelta(days=1)
    for progress in targets_progress(window.region, until=until):
        if progress.target.starts_on <= until:
            yield None, progress.percent


register(
    Indicator(
        key="learning_budget_spent",
        name=_("Scholingsbudget uitgegeven"),
        definition=_(
            "Euro's uit de financieringsbronnen van het scholingsplan die in de periode zijn uitgegeven: "
            "de kosten van plaatsen in cursussen die in de periode zijn afgerond."
        ),
        unit="euro",
        source=SOURCE,
        group=GROUP,
        rows=_spent,
        aggregate=MEDIAN,
        order=70,
    )
)
register(
    Indicator(
        key="learning_budget_spent_share",
        name=_("Deel van het scholingsbudget dat is uitgegeven"),
        definition=_(
            "Wat aan het eind van de periode is uitgegeven, als procent van het budget van alle "
            "financieringsbronnen die dan begonnen zijn."
        ),
        unit="percent",
        source=SOURCE,
        group=GROUP,
        rows=_share,
        aggregate=MEDIAN,
        kind=STOCK,
        order=71,
    )
)
register(
    Indicator(
        key="learning_target_progress",
        name=_("Voortgang van de scholingsdoelen"),
        definition=_(
            "Per doel (bijvoorbeeld 200 professionals geschoold in 2020–2022): het procent van het "
            "aantal mensen dat aan het eind van de periode een cursus voor die doelgroep heeft afgerond, "
            "binnen de periode van het doel. Bij meer doelen de mediaan van hun voortgang."
        ),
        unit="percent",
        source=SOURCE,
        group=GROUP,
        rows=_targets,
        aggregate=MEDIAN,
        kind=STOCK,
        order=72,
    )
)
