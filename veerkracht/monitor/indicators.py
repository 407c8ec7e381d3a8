"""The monitor's own indicators: the movement (action centre, network) and the residents it reaches.

Outcome indicators (scores, the health gap, change for participants) are defined here too, but are
computed in one pass over the consented webs by ``outcomes.py``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.accounts import selectors as account_selectors
from veerkracht.accounts.models import AgeBand, OrganisationType
from veerkracht.actioncentre import selectors_monitor as ac
from veerkracht.actioncentre.models import Phase, RequestKind
from veerkracht.spiderweb import selectors as web_selectors
from veerkracht.spiderweb.models import Education

from .areas import UNKNOWN, median_by_area, tally
from .models import PeriodKind
from .registry import Breakdown, Context, Indicator, register, register_breakdown

UNKNOWN_LABEL = _("onbekend")


def _with_unknown(choices) -> list[tuple[str, str]]:
    return [*((value, label) for value, label in choices), (UNKNOWN, UNKNOWN_LABEL)]


register_breakdown(Breakdown("phase", _("fase"), lambda: list(Phase.choices)))
register_breakdown(Breakdown("org_type", _("soort organisatie"), lambda: list(OrganisationType.choices)))
register_breakdown(
    Breakdown(
        "partner_kind",
        _("soort partner"),
        lambda: [("core", _("kernpartner")), ("other", _("andere partner"))],
    )
)
register_breakdown(Breakdown("request_kind", _("soort vraag"), lambda: list(RequestKind.choices)))
register_breakdown(
    Breakdown("age_band", _("leeftijd"), lambda: _with_unknown(AgeBand.choices), analyst_only=True)
)
register_breakdown(
    Breakdown("education", _("opleiding"), lambda: _with_unknown(Education.choices), analyst_only=True)
)


def categories(*keys: str) -> dict[str, list[str]]:
    from .registry import breakdowns

    found = breakdowns()
    return {key: [value for value, _label in found[key].categories()] for key in keys}


# --- Movement -------------------------------------------------------------------------------------

SOURCE_ACTIONCENTRE = _("Actiecentrum in Veerkracht")


def _ambassadors(ctx: Context):
    return tally(ctx.tree, ((code, {}) for code in ac.ambassadors_as_of(ctx.region, ctx.as_of)), {})


def _partners(ctx: Context):
    rows = account_selectors.organisations_as_of(ctx.region, ctx.as_of)
    items = (
        (code, {"org_type": kind, "partner_kind": "core" if core else "other"}) for code, kind, core in rows
    )
    return tally(ctx.tree, items, categories("org_type", "partner_kind"))


def _initiatives(ctx: Context):
    items = ((code, {"phase": phase}) for code, phase in ac.initiative_phases_as_of(ctx.region, ctx.as_of))
    return tally(ctx.tree, items, categories("phase"))


def _transitions(ctx: Context):
    rows = ac.phase_transitions_between(ctx.region, ctx.start, ctx.end)
    return tally(ctx.tree, ((code, {"phase": phase}) for code, phase in rows), categories("phase"))


def _connections(ctx: Context):
    return tally(
        ctx.tree, ((code, {}) for code in ac.connections_made_between(ctx.region, ctx.start, ctx.end)), {}
    )


def _requests(ctx: Context):
    rows = ac.requests_received_between(ctx.region, ctx.start, ctx.end)
    return tally(
        ctx.tree, ((code, {"request_kind": kind}) for code, kind, _days in rows), categories("request_kind")
    )


def _response_days(ctx: Context):
    rows = ac.requests_received_between(ctx.region, ctx.start, ctx.end)
    return median_by_area(ctx.tree, ((code, days) for code, _kind, days in rows if days is not None))


register(
    Indicator(
        key="ambassadors",
        name=_("Ambassadeurs"),
        definition=_(
            "Mensen met de rol ambassadeur aan het eind van de periode, in de gemeente van hun profiel."
        ),
        unit="count",
        source=_("Ambassadeursprofielen in Veerkracht"),
        group="movement",
        compute=_ambassadors,
        kind="stock",
        order=10,
    )
)
register(
    Indicator(
        key="partners",
        name=_("Partnerorganisaties"),
        definition=_(
            "Organisaties die aan het eind van de periode partner zijn van de beweging: kernpartners van "
            "het actiecentrum en andere partners, naar soort organisatie."
        ),
        unit="count",
        source=_("Organisaties in Veerkracht"),
        group="movement",
        compute=_partners,
        breakdowns=("partner_kind", "org_type"),
        kind="stock",
        order=20,
    )
)
register(
    Indicator(
        key="initiatives",
        name=_("Initiatieven"),
        definition=_(
            "Openbare initiatieven aan het eind van de periode, naar de fase waarin ze toen waren "
            "(inspireren, verbinden, versnellen of gestopt)."
        ),
        unit="count",
        source=SOURCE_ACTIONCENTRE,
        group="movement",
        compute=_initiatives,
        breakdowns=("phase",),
        kind="stock",
        order=30,
    )
)
register(
    Indicator(
        key="phase_transitions",
        name=_("Initiatieven naar een volgende fase"),
        definition=_(
            "Hoe vaak een openbaar initiatief in de periode naar een andere fase ging, naar de nieuwe fase. "
            "Het begin van een initiatief telt niet mee."
        ),
        unit="count",
        source=SOURCE_ACTIONCENTRE,
        group="movement",
        compute=_transitions,
        breakdowns=("phase",),
        order=40,
    )
)
register(
    Indicator(
        key="connections",
        name=_("Verbindingen gemaakt"),
        definition=_(
            "Kennismakingen tussen iemand met een vraag of idee en iemand die kan helpen, waarop in de "
            "periode beide kanten ja zeiden."
        ),
        unit="count",
        source=SOURCE_ACTIONCENTRE,
        group="movement",
        compute=_connections,
        order=50,
    )
)
register(
    Indicator(
        key="requests",
        name=_("Vragen en ideeën ontvangen"),
        definition=_("Vragen, ideeën en hulpvragen die in de periode bij het actiecentrum binnenkwamen."),
        unit="count",
        source=SOURCE_ACTIONCENTRE,
        group="movement",
        compute=_requests,
        breakdowns=("request_kind",),
        order=60,
        notes=(_("Telt contacten met het actiecentrum, geen gegevens over iemands gezondheid."),),
    )
)
register(
    Indicator(
        key="response_days",
        name=_("Tijd tot eerste reactie"),
        definition=_(
            "De mediaan van het aantal dagen tussen het binnenkomen van een vraag of idee en de eerste "
            "reactie van het actiecentrum (een bericht, een andere status of iemand die het oppakt). "
            "Alleen vragen die al een reactie kregen tellen mee."
        ),
        unit="days",
        source=SOURCE_ACTIONCENTRE,
        group="movement",
        compute=_response_days,
        order=70,
    )
)


# --- Residents reached ----------------------------------------------------------------------------

RESIDENT_PERIODS = (PeriodKind.QUARTER, PeriodKind.YEAR)


def _reach(ctx: Context):
    latest: dict[int, tuple[str, str]] = {}
    for owner, code, age in web_selectors.webs_completed_between(ctx.region, ctx.start, ctx.end):
        latest[owner] = (code, age)  # oldest first: the last one wins
    items = ((code, {"age_band": age}) for code, age in latest.values())
    return tally(ctx.tree, items, categories("age_band"), people=True)


def _sharers(ctx: Context):
    people = dict(web_selectors.sharers_between(ctx.region, ctx.start, ctx.end))
    return tally(ctx.tree, ((code, {}) for code in people.values()), {}, people=True)


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
        source=_("Mijn Positieve Gezondheid in Veerkracht"),
        group="residents",
        compute=_reach,
        breakdowns=("age_band",),
        periods=RESIDENT_PERIODS,
        about_residents=True,
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
        source=_("Mijn Positieve Gezondheid in Veerkracht"),
        group="residents",
        compute=_sharers,
        periods=RESIDENT_PERIODS,
        about_residents=True,
        order=20,
    )
)


# --- Outcomes (computed in outcomes.py) -------------------------------------------------------------

SOURCE_CONSENTED = _("Spinnenwebben van inwoners die toestemming gaven voor onderzoek")
DIALOGUE_NOTE = _(
    "Het spinnenweb is een hulpmiddel voor een gesprek, geen gevalideerde meetschaal. Mensen vullen het "
    "in wanneer ze willen, niet op vaste momenten, en alleen wie toestemming gaf telt mee. De cijfers laten "
    "zien hoe deelnemers hun gezondheid zelf beoordelen; ze zeggen niet dat de beweging dat verschil "
    "heeft veroorzaakt, en gelden niet voor alle inwoners."
)

register(
    Indicator(
        key="score",
        name=_("Gemiddeld cijfer per onderdeel"),
        definition=_(
            "Het gemiddelde cijfer (0 tot 10) per onderdeel van het spinnenweb, met de spreiding en de "
            "verdeling over laag (onder 4), midden (4 tot 7) en hoog (7 of meer). Per persoon telt het "
            "laatste spinnenweb in de periode."
        ),
        unit="score",
        source=SOURCE_CONSENTED,
        group="outcomes",
        compute=None,
        breakdowns=("age_band", "education"),
        periods=RESIDENT_PERIODS,
        about_residents=True,
        order=10,
        notes=(DIALOGUE_NOTE,),
    )
)
register(
    Indicator(
        key="gap",
        name=_("Gezondheidskloof naar opleiding"),
        definition=_(
            "Het gemiddelde cijfer van mensen met een hoge opleiding min dat van mensen met een lage "
            "opleiding, per onderdeel. Een kleiner getal betekent een kleinere kloof. Niet te zien als "
            "een van beide groepen minder dan 10 mensen telt."
        ),
        unit="difference",
        source=SOURCE_CONSENTED,
        group="outcomes",
        compute=None,
        periods=RESIDENT_PERIODS,
        about_residents=True,
        order=20,
        notes=(DIALOGUE_NOTE,),
    )
)
register(
    Indicator(
        key="change",
        name=_("Verandering bij deelnemers"),
        definition=_(
            "Voor mensen met minstens twee spinnenwebben (met toestemming) tot het eind van het jaar: "
            "het gemiddelde verschil per onderdeel tussen hun eerste en hun laatste spinnenweb, met een "
            "95%-betrouwbaarheidsinterval en het aantal mensen (n)."
        ),
        unit="difference",
        source=SOURCE_CONSENTED,
        group="outcomes",
        compute=None,
        breakdowns=("education",),
        periods=(PeriodKind.YEAR,),
        about_residents=True,
        order=30,
        notes=(
            DIALOGUE_NOTE,
            _(
                "Wie een tweede spinnenweb invult, is misschien anders dan wie dat niet doet. En er is geen "
                "vergelijkingsgroep: een verandering kan ook door iets anders komen."
            ),
        ),
    )
)
