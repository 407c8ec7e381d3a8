"""The action centre's monitor figures: ambassadors, initiatives and their phases, connections made,
requests received and how fast the action centre responds."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import (
    MEDIAN,
    STOCK,
    Breakdown,
    Indicator,
    Window,
    register,
    register_breakdown,
    register_first_activity,
)

from .models import Phase, RequestKind
from .selectors.connect import ambassadors_as_of, connections_made_between
from .selectors.initiatives import first_initiative_at, initiative_phases_as_of, phase_transitions_between
from .selectors.requests import first_request_at, requests_received_between

SOURCE = _("Actiecentrum in Veerkracht")

register_breakdown(Breakdown("phase", _("fase"), lambda: list(Phase.choices)))
register_breakdown(Breakdown("request_kind", _("soort vraag"), lambda: list(RequestKind.choices)))
register_first_activity(first_request_at)
register_first_activity(first_initiative_at)


def _ambassadors(window: Window):
    return ((code, {}) for code in ambassadors_as_of(window.region, window.as_of))


def _initiatives(window: Window):
    rows = initiative_phases_as_of(window.region, window.as_of)
    return ((code, {"phase": phase}) for code, phase in rows)


def _transitions(window: Window):
    rows = phase_transitions_between(window.region, window.start, window.end)
    return ((code, {"phase": phase}) for code, phase in rows)


def _connections(window: Window):
    return ((code, {}) for code in connections_made_between(window.region, window.start, window.end))


def _requests(window: Window):
    rows = requests_received_between(window.region, window.start, window.end)
    return ((code, {"request_kind": kind}) for code, kind, _days in rows)


def _response_days(window: Window):
    rows = requests_received_between(window.region, window.start, window.end)
    return ((code, days) for code, _kind, days in rows if days is not None)


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
        rows=_ambassadors,
        kind=STOCK,
        order=10,
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
        source=SOURCE,
        group="movement",
        rows=_initiatives,
        breakdowns=("phase",),
        kind=STOCK,
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
        source=SOURCE,
        group="movement",
        rows=_transitions,
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
        source=SOURCE,
        group="movement",
        rows=_connections,
        order=50,
    )
)
register(
    Indicator(
        key="requests",
        name=_("Vragen en ideeën ontvangen"),
        definition=_("Vragen, ideeën en hulpvragen die in de periode bij het actiecentrum binnenkwamen."),
        unit="count",
        source=SOURCE,
        group="movement",
        rows=_requests,
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
        source=SOURCE,
        group="movement",
        rows=_response_days,
        aggregate=MEDIAN,
        order=70,
    )
)
