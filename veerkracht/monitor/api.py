"""The open-data API (django-ninja, OpenAPI 3): indicator definitions, areas, periods and published figures.

Read-only. Figures come from the stored snapshots, which are already protected against small numbers
(privacy.py), and every row passes ``permissions.may_see``: the same rule as the pages and downloads.
Logged-in analysts get the finer splits through their site session; everyone else gets the public
figures. No interactive docs page: the site's CSP allows no CDN, and the OpenAPI document at
``/api/v1/openapi.json`` is what tools read.

Raw request values never reach the database: the indicator is looked up in the registry, areas in the
area tree, and periods and breakdowns are checked against a pattern first. So odd input gives a 4xx with
a plain Dutch message, never a 500.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Path, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError, ValidationError
from pydantic import Field

from veerkracht.core import pagecache
from veerkracht.core.indicators import GROUPS, UNITS, Indicator, breakdowns, get_indicator, indicators
from veerkracht.regions.selectors import get_region_or_404

from . import selectors
from .compute.areas import UNKNOWN, AreaTree
from .compute.periods import Span, parse_slug
from .compute.privacy import shown
from .models import AreaLevel, Figure, Period
from .permissions import may_see
from .presenters.areas import area_names

api = NinjaAPI(
    title="Veerkracht open data",
    version="1",
    description=(
        "Published figures of the Positive Health movement monitor: what the movement does, the "
        "residents it reaches and, from consented spider webs, how they rate their health. Figures "
        "about residents are protected against small numbers: a group of fewer than 10 people is shown "
        'as "verborgen" and has no value, and more cells are hidden where a sum could give one away. '
        "Splits per municipality by age band or education level (and the health gap per municipality) "
        "need the analyst role: log in on the site first. Dutch: open data van de monitor."
    ),
    urls_namespace="api",
    docs_url=None,
)

AREA_LEVELS = [level.value for level in AreaLevel]
LEVEL_ORDER = {level: i for i, level in enumerate(AREA_LEVELS)}
TOTAL = "total"
# The slug forms of periods.parse_slug, with ASCII digits only (Python's \d also takes other scripts).
PERIOD_PATTERN = r"^[0-9]{4}(-K[1-4]|-(0[1-9]|1[0-2]))?$"
BREAKDOWN_PATTERN = r"^([a-z_]{1,20})?$"

# Parameters, with their documentation in the OpenAPI document.
KeyPath = Annotated[str, Path(description="The indicator (see /indicators).", example="score")]
PeriodQuery = Annotated[
    str | None,
    Query(
        description='"2025" (year), "2025-K3" (quarter) or "2025-09" (month). Default: the latest '
        "closed period of the first kind the indicator is published for.",
        pattern=PERIOD_PATTERN,
        example="2025",
    ),
]
AreaLevelQuery = Annotated[
    Literal["region", "subregion", "municipality"] | None, Query(description="Only areas of this level.")
]
AreaCodeQuery = Annotated[
    str | None,
    Query(description="Only this area (see /areas).", min_length=1, max_length=60, example="GM0935"),
]
BreakdownQuery = Annotated[
    str,
    Query(
        description='A breakdown of the indicator (see /indicators); "total" (the default) for the totals.',
        pattern=BREAKDOWN_PATTERN,
        example="education",
    ),
]
KindQuery = Annotated[
    Literal["month", "quarter", "year"] | None, Query(description="Only periods of this kind.")
]


# --- Schemas ----------------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in plain Dutch.")


class ValidationItemOut(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    detail: str = Field(description="What went wrong, in plain Dutch.")
    errors: list[ValidationItemOut] = Field(description="Each parameter that did not validate.")


class CategoryOut(Schema):
    key: str
    label: str


class BreakdownOut(Schema):
    key: str
    label: str
    analyst_only: bool = Field(
        description="Per municipality this split is only shown to analysts (region and subregion: public)."
    )
    categories: list[CategoryOut] = Field(
        description='Every category, "onbekend" included where it exists: the categories add up to the total.'
    )


class IndicatorOut(Schema):
    key: str
    name: str
    definition: str
    unit: str
    unit_label: str
    source: str
    group: str
    group_label: str
    kind: str = Field(description='"flow": what happened in the period; "stock": the state at its end.')
    breakdowns: list[BreakdownOut]
    periods: list[str] = Field(description="The period kinds this indicator is published for.")
    about_residents: bool = Field(
        description="Figures about residents: small-number protection applies, closed periods only."
    )
    notes: list[str]


class AreaRefOut(Schema):
    level: str
    code: str


class AreaOut(Schema):
    level: str = Field(description="region, subregion or municipality.")
    code: str = Field(
        description='Region or subregion slug, CBS municipality code, or "onbekend" (unknown municipality).'
    )
    name: str
    parent: AreaRefOut | None


class PeriodOut(Schema):
    kind: str = Field(description="month, quarter or year.")
    slug: str = Field(description='How to ask for it: "2025", "2025-K3" or "2025-09".')
    label: str
    start: date
    end: date = Field(description="The first day after the period.")
    is_closed: bool = Field(description="An open period (still running) is recomputed on every snapshot.")


class FigureOut(Schema):
    area_level: str
    area_code: str
    area_name: str
    breakdown: str = Field(description='"" for the total of the area.')
    category: str
    category_label: str
    value: float | None = Field(description="The number; null when suppressed or when nothing can be said.")
    n: int | None = Field(description="People behind a figure about residents; null when suppressed.")
    suppressed: bool
    shown: float | str | None = Field(
        description='The value as every output shows it: "verborgen" when suppressed.'
    )
    data: dict[str, Any] | None = Field(
        description="Outcomes: per dimension the mean, spread and score bands, or the paired change."
    )


class FiguresOut(Schema):
    indicator: str
    unit: str
    period: PeriodOut
    breakdown: str = Field(description='"" for the totals of each area.')
    hidden_levels: list[str] = Field(
        description="Area levels left out of this answer because they need the analyst role."
    )
    figures: list[FigureOut]


# --- Errors -----------------------------------------------------------------------------------------

PARAMETER_HINTS = {
    "period": gettext_lazy("Geef een periode als 2025 (jaar), 2025-K3 (kwartaal) of 2025-09 (maand)."),
    "area_level": gettext_lazy("Kies region, subregion of municipality."),
    "area_code": gettext_lazy("Geef de code van een gebied, zoals GM0935 of zuid-limburg."),
    "breakdown": gettext_lazy(
        "Geef de naam van een uitsplitsing, zoals education, of laat hem weg voor de totalen."
    ),
    "kind": gettext_lazy("Kies month, quarter of year."),
}


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    items = [
        {
            "loc": [part if isinstance(part, int) else str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors
    ]
    names = [str(item["loc"][-1]) for item in items if item["loc"]]
    hints = [str(PARAMETER_HINTS[name]) for name in dict.fromkeys(names) if name in PARAMETER_HINTS]
    detail = " ".join([_("De vraag klopt niet."), *hints]) if hints else _("De vraag klopt niet.")
    return api.create_response(request, {"detail": detail, "errors": items}, status=422)


def _not_found(message: str) -> HttpError:
    return HttpError(404, message)


@api.exception_handler(Http404)
def _not_found_page(request: HttpRequest, exc: Http404) -> HttpResponse:
    """A 404 from a lookup helper (get_region_or_404, …): JSON with its plain Dutch message."""
    return api.create_response(request, {"detail": str(exc) or _("Niet gevonden.")}, status=404)


# --- Helpers ----------------------------------------------------------------------------------------


def _indicator_out(indicator: Indicator) -> dict:
    found = breakdowns()
    return {
        "key": indicator.key,
        "name": str(indicator.name),
        "definition": str(indicator.definition),
        "unit": indicator.unit,
        "unit_label": str(UNITS[indicator.unit]),
        "source": str(indicator.source),
        "group": indicator.group,
        "group_label": str(GROUPS[indicator.group]),
        "kind": indicator.kind,
        "breakdowns": [
            {
                "key": key,
                "label": str(found[key].label),
                "analyst_only": found[key].analyst_only,
                "categories": [{"key": v, "label": str(label)} for v, label in found[key].categories()],
            }
            for key in indicator.breakdowns
        ],
        "periods": [str(kind) for kind in indicator.periods],
        "about_residents": indicator.about_residents,
        "notes": [str(note) for note in indicator.notes],
    }


def _period_out(period: Period) -> dict:
    span = Span(period.kind, period.start)
    return {
        "kind": period.kind,
        "slug": span.slug,
        "label": span.label,
        "start": period.start,
        "end": period.end,
        "is_closed": period.is_closed,
    }


def _get_indicator(key: str) -> Indicator:
    indicator = get_indicator(key)
    if indicator is None:
        raise _not_found(
            _("Er is geen cijfer met de naam '%(key)s'. Alle cijfers staan op /api/v1/indicators.")
            % {"key": key[:60]}
        )
    return indicator


def _get_period(region, indicator: Indicator, slug: str | None) -> Period:
    if slug is None:
        kind = indicator.periods[0]
        period = selectors.latest_period(region, kind, closed=True)
        if period is None:
            raise _not_found(_("Voor dit cijfer is nog geen afgesloten periode berekend."))
        return period
    span = parse_slug(slug)
    if span is None:
        raise _not_found(_("De periode %(slug)s bestaat niet.") % {"slug": slug})
    if span.kind not in indicator.periods:
        allowed = ", ".join(str(Span(kind, span.start).slug) for kind in indicator.periods)
        raise _not_found(
            _("Dit cijfer wordt niet per %(kind)s gepubliceerd. Kies bijvoorbeeld: %(allowed)s.")
            % {"kind": _kind_label(span.kind), "allowed": allowed}
        )
    period = selectors.period_for(region, span)
    if period is None:
        raise _not_found(_("Voor periode %(slug)s zijn (nog) geen cijfers berekend.") % {"slug": slug})
    if indicator.about_residents and not period.is_closed:
        raise _not_found(
            _("Cijfers over inwoners komen pas als de periode %(slug)s voorbij is.") % {"slug": slug}
        )
    return period


def _kind_label(kind: str) -> str:
    return {"month": _("maand"), "quarter": _("kwartaal"), "year": _("jaar")}[kind]


def _get_breakdown(indicator: Indicator, breakdown: str) -> str:
    if breakdown in ("", TOTAL):
        return ""
    if breakdown not in indicator.breakdowns:
        choices = ", ".join(indicator.breakdowns) or _("(geen)")
        raise _not_found(
            _("Dit cijfer is niet uit te splitsen naar '%(breakdown)s'. Wel naar: %(choices)s.")
            % {"breakdown": breakdown, "choices": choices}
        )
    return breakdown


def _get_areas(
    names: dict[tuple[str, str], str], area_level: str | None, area_code: str | None
) -> tuple[list[str], str | None]:
    """The area levels asked for and the area code (None: every area of those levels)."""
    levels = [area_level] if area_level else list(AREA_LEVELS)
    if area_code is None:
        return levels, None
    found = [level for level in levels if (level, area_code) in names]
    if not found:
        raise _not_found(
            _("Er is geen gebied met code '%(code)s'. Alle gebieden staan op /api/v1/areas.")
            % {"code": area_code[:60]}
        )
    return found, area_code


def _snapshot_version(request: HttpRequest, *args, **kwargs) -> tuple[str, ...]:
    region = request.region
    return (selectors.data_version(region),) if region else ("none",)


# Open data changes only with a snapshot: answers for anonymous callers are kept per snapshot, and
# browsers and proxies may keep them for a few minutes (no cookies, no forms in JSON).
_per_snapshot = decorate_view(pagecache.anonymous_page(_snapshot_version, public_seconds=300))


# --- Endpoints --------------------------------------------------------------------------------------


@api.get(
    "/indicators",
    response=list[IndicatorOut],
    operation_id="indicators_list",
    summary="Alle cijfers en wat ze betekenen",
    description=(
        "Every indicator the monitor publishes, with its definition, unit, source, the period kinds it "
        "is published for, and the breakdowns it can be split by (with all their categories)."
    ),
    tags=["definitions"],
)
def indicator_list(request: HttpRequest):
    return [_indicator_out(indicator) for indicator in indicators()]


@api.get(
    "/areas",
    response={200: list[AreaOut], 404: ErrorOut},
    operation_id="areas_list",
    summary="De regio, deelregio's en gemeenten",
    description=(
        "The region with its subregions and municipalities, each with its parent. The municipality "
        '"onbekend" holds what has no (known) municipality; it belongs to the region. A region\'s '
        "figures are the sum of its subregions, its municipalities without a subregion and "
        '"onbekend"; a subregion\'s are the sum of its municipalities.'
    ),
    tags=["definitions"],
)
@_per_snapshot
def area_list(request: HttpRequest):
    region = get_region_or_404(request)
    tree = AreaTree.of(region)
    region_ref = {"level": AreaLevel.REGION.value, "code": region.slug}
    areas = [{"level": AreaLevel.REGION.value, "code": region.slug, "name": region.name, "parent": None}]
    areas += [
        {"level": AreaLevel.SUBREGION.value, "code": slug, "name": name, "parent": region_ref}
        for slug, name in tree.subregions
    ]
    areas += [
        {
            "level": AreaLevel.MUNICIPALITY.value,
            "code": code,
            "name": name,
            "parent": {"level": AreaLevel.SUBREGION.value, "code": sub} if sub else region_ref,
        }
        for code, name, sub in tree.municipalities
    ]
    areas.append(
        {
            "level": AreaLevel.MUNICIPALITY.value,
            "code": UNKNOWN,
            "name": _("gemeente onbekend"),
            "parent": region_ref,
        }
    )
    return 200, areas


@api.get(
    "/periods",
    response={200: list[PeriodOut], 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="periods_list",
    summary="De berekende periodes",
    description=(
        "Every stored snapshot period of the region (months, quarters, years), oldest first per kind. "
        "Figures about residents exist for closed periods only."
    ),
    tags=["figures"],
)
@_per_snapshot
def period_list(request: HttpRequest, kind: KindQuery = None):
    return 200, [_period_out(period) for period in selectors.all_periods(get_region_or_404(request), kind)]


@api.get(
    "/indicators/{key}/figures",
    response={200: FiguresOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="figures_list",
    summary="De cijfers van één indicator in één periode",
    description=(
        "The published figures of one indicator for one period: per area (optionally one level or one "
        "area) the total, or with `breakdown` every category of that split. Suppressed figures have "
        'no value, n or data and show "verborgen". Without `period`: the latest closed period of the first '
        "period kind the indicator is published for. Splits per municipality that need the analyst "
        "role answer 403 when asked for explicitly, and are left out (see `hidden_levels`) otherwise."
    ),
    tags=["figures"],
)
@_per_snapshot
def figure_list(
    request: HttpRequest,
    key: KeyPath,
    period: PeriodQuery = None,
    area_level: AreaLevelQuery = None,
    area_code: AreaCodeQuery = None,
    breakdown: BreakdownQuery = TOTAL,
):
    indicator = _get_indicator(key)
    split = _get_breakdown(indicator, breakdown)
    region = get_region_or_404(request)
    found = _get_period(region, indicator, period)
    tree = AreaTree.of(region)
    names = area_names(tree, region_name=region.name)
    levels, code = _get_areas(names, area_level, area_code)
    allowed = _allowed_levels(request.user, indicator, levels, split)
    labels = {value: str(label) for value, label in breakdowns()[split].categories()} if split else {}
    figures = [
        _figure_out(row, names, labels)
        for row in selectors.figures_of(found, indicator.key, split, allowed, code)
        if may_see(request.user, row.indicator, row.area_level, row.breakdown)
    ]
    figures.sort(key=lambda f: (LEVEL_ORDER[f["area_level"]], f["area_code"] == UNKNOWN, f["area_name"]))
    return 200, {
        "indicator": indicator.key,
        "unit": indicator.unit,
        "period": _period_out(found),
        "breakdown": split,
        "hidden_levels": [level for level in levels if level not in allowed],
        "figures": figures,
    }


def _allowed_levels(user, indicator: Indicator, levels: list[str], split: str) -> list[str]:
    """The asked-for area levels this person may see; 403 when that leaves none."""
    allowed = [level for level in levels if may_see(user, indicator.key, level, split)]
    if not allowed:
        raise HttpError(
            403,
            _(
                "Deze cijfers per gemeente zijn alleen voor analisten. Log in op de website met een "
                "account met de rol analist, of vraag ze per deelregio of voor de hele regio."
            ),
        )
    return allowed


def _figure_out(row: Figure, names: dict[tuple[str, str], str], labels: dict[str, str]) -> dict:
    # A suppressed figure is stored without value, n and data; blank them here too, so a stored
    # mistake could still not leak through the API.
    hidden = row.suppressed
    return {
        "area_level": row.area_level,
        "area_code": row.area_code,
        "area_name": names.get((row.area_level, row.area_code), row.area_code),
        "breakdown": row.breakdown,
        "category": row.category,
        "category_label": labels.get(row.category, row.category),
        "value": None if hidden else row.value,
        "n": None if hidden else row.n,
        "suppressed": hidden,
        "shown": shown(None if hidden else row.value, hidden),
        "data": None if hidden else row.data,
    }


# The root URLconf mounts this module: include("veerkracht.monitor.api", namespace="api"). Ninja
# reverses its own URLs in the "api" namespace (urls_namespace above).
urlpatterns, app_name, _namespace = api.urls
