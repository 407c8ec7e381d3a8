"""Stories: published per subregion, and by the interpretation of Positive Health they show."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import Breakdown, Indicator, Window, register, register_breakdown

from . import GROUP, SOURCE


def _interpretation_choices() -> list[tuple[str, str]]:
    from veerkracht.core.vocabulary import INTERPRETATIONS

    return [(key, str(label)) for key, label in INTERPRETATIONS]


register_breakdown(Breakdown("story_interpretation", _("Positieve Gezondheid als"), _interpretation_choices))


def _stories(window: Window):
    from ..selectors.stories import published_rows_between

    rows = published_rows_between(window.region, window.start, window.end)
    return ((code, {}) for code, _bits in rows)


def _stories_by_interpretation(window: Window):
    from ..models import INTERPRETATION_FLAGS
    from ..selectors.stories import published_rows_between

    rows = published_rows_between(window.region, window.start, window.end)
    return (
        (code, {"story_interpretation": key})
        for code, bits in rows
        for key in INTERPRETATION_FLAGS.keys_of(bits)
    )


_PUBLISHED_NOTE = _(
    "Een verhaal telt in de periode waarin het online kwam, in de gemeente waar het over gaat. Een verhaal "
    "zonder gemeente telt alleen voor de hele regio. Verborgen verhalen tellen niet mee."
)

register(
    Indicator(
        key="community_stories_published",
        name=_("Verhalen gepubliceerd"),
        definition=_("Verhalen van inwoners, ambassadeurs, partners en het actiecentrum die online kwamen."),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_stories,
        order=10,
        notes=(_PUBLISHED_NOTE,),
    )
)
register(
    Indicator(
        key="community_stories_by_interpretation",
        name=_("Verhalen naar hoe Positieve Gezondheid gebruikt wordt"),
        definition=_(
            "Verhalen die online kwamen, per manier waarop ze Positieve Gezondheid laten zien. Een verhaal "
            "dat meer manieren laat zien, telt bij elk ervan."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_stories_by_interpretation,
        breakdowns=("story_interpretation",),
        order=11,
        notes=(_PUBLISHED_NOTE,),
    )
)
