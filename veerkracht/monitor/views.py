"""Dashboard pages: region, subregion and municipality overviews, health outcomes, the health gap,
definitions, CSV downloads and the municipality report (PDF). Every chart has a table with the same
numbers; filters live in the URL so a view can be shared. All figures come from the frozen snapshots."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.regions.selectors import region_for_request

from . import presenters as p
from .areas import UNKNOWN, AreaTree
from .models import AreaLevel, Figure, MunicipalityPolicy, Period, PeriodKind
from .periods import Span, parse_slug
from .permissions import may_see
from .registry import GROUPS, UNITS, breakdowns, get_indicator, indicators

MOVEMENT = [
    "ambassadors",
    "partners",
    "initiatives",
    "phase_transitions",
    "connections",
    "requests",
    "response_days",
]
RESIDENTS = ["reach", "sharers"]
FIRST_BREAKDOWNS = ["", "phase", "partner_kind", "request_kind"]
CHILD_COLUMNS = ("initiatives", "connections", "requests", "reach")
BREAKDOWN_PARAM = {"leeftijd": "age_band", "opleiding": "education"}


@dataclass
class Area:
    level: str
    code: str
    name: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.level, self.code)


def _setup(request: HttpRequest) -> tuple[object, AreaTree]:
    region = region_for_request(request)
    if region is None:
        raise Http404
    return region, AreaTree.of(region)


def _names(tree: AreaTree) -> dict[tuple[str, str], str]:
    names = {(AreaLevel.REGION.value, tree.region_slug): _("hele regio")}
    names.update({(AreaLevel.SUBREGION.value, slug): name for slug, name in tree.subregions})
    names.update({(AreaLevel.MUNICIPALITY.value, code): name for code, name, _s in tree.municipalities})
    names[(AreaLevel.MUNICIPALITY.value, UNKNOWN)] = _("gemeente onbekend")
    return names


def _area_from_param(request: HttpRequest, tree: AreaTree, region) -> Area:
    """?gebied=<subregion slug or municipality code>; the whole region without it."""
    code = request.GET.get("gebied", "")
    names = _names(tree)
    for level in (AreaLevel.MUNICIPALITY.value, AreaLevel.SUBREGION.value):
        if code and code != UNKNOWN and (level, code) in names:
            return Area(level, code, names[(level, code)])
    if code:
        messages.warning(request, _("Dat gebied kennen we niet. Je ziet nu de hele regio."))
    return Area(AreaLevel.REGION.value, tree.region_slug, region.movement_name)


def _periods(region, kinds=(PeriodKind.YEAR, PeriodKind.QUARTER)) -> list[Period]:
    return list(Period.objects.filter(region=region, kind__in=kinds).order_by("-start", "kind"))


def _choose(request: HttpRequest, options: list[Period], default: Period | None) -> Period | None:
    slug = request.GET.get("periode", "")
    if slug:
        span = parse_slug(slug)
        for period in options:
            if span is not None and (period.kind, period.start) == (span.kind, span.start):
                return period
        messages.warning(request, _("Voor die periode zijn er geen cijfers. Je ziet nu de nieuwste periode."))
    return default


def _resident_period(period: Period | None, options: list[Period]) -> Period | None:
    """Figures about residents exist only for closed periods: the chosen one, or the last closed one."""
    if period is None or period.is_closed:
        return period
    return next((o for o in options if o.kind == period.kind and o.is_closed), None)


def _span(period: Period) -> Span:
    return Span(period.kind, period.start)


def _overview(request: HttpRequest, area: Area, child_level: str | None, child_codes: list[str]) -> dict:
    region, tree = request._monitor
    options = _periods(region)
    default = next((o for o in options if o.kind == PeriodKind.YEAR), None)
    period = _choose(request, options, default)
    resident_period = _resident_period(period, options)
    areas = [area.key] + [(child_level, c) for c in child_codes]
    rows: list[Figure] = []
    if period is not None:
        rows = list(
            Figure.objects.filter(
                period__in=[period, resident_period] if resident_period else [period],
                indicator__in=MOVEMENT + RESIDENTS + ["score"],
                area_level__in={a[0] for a in areas},
                area_code__in={a[1] for a in areas},
                breakdown__in=FIRST_BREAKDOWNS,
            )
        )
    movement_rows = [
        r for r in rows if r.period_id == getattr(period, "pk", None) and r.indicator in MOVEMENT
    ]
    resident_rows = [
        r for r in rows if r.period_id == getattr(resident_period, "pk", None) and r.indicator not in MOVEMENT
    ]
    names = _names(tree)
    children = []
    for level, code in areas[1:]:
        cells = {
            r.indicator: p.shown(r)
            for r in movement_rows + resident_rows
            if (r.area_level, r.area_code) == (level, code) and not r.breakdown
        }
        children.append(
            {
                "level": level,
                "code": code,
                "name": names.get((level, code), code),
                "cells": [cells.get(k, "–") for k in CHILD_COLUMNS],
            }
        )
    score = next(
        (
            r
            for r in resident_rows
            if r.indicator == "score" and (r.area_level, r.area_code) == area.key and not r.breakdown
        ),
        None,
    )
    quarters = list(Period.objects.filter(region=region, kind=PeriodKind.QUARTER).order_by("-start")[:12])[
        ::-1
    ]
    trend_rows = Figure.objects.filter(
        period__in=quarters,
        indicator__in=["connections", "requests", "reach"],
        area_level=area.level,
        area_code=area.code,
        breakdown="",
    ).select_related("period")
    trend: dict[str, dict[str, Figure]] = {"connections": {}, "requests": {}, "reach": {}}
    for row in trend_rows:
        trend[row.indicator][_span(row.period).slug] = row
    spans = [_span(q) for q in quarters]
    series = [
        (
            str(get_indicator(key).name),
            {s: (None if f.suppressed else f.value) for s, f in trend[key].items()},
        )
        for key in ("connections", "requests", "reach")
    ]
    reach_map = _reach_map(request, tree, area, resident_period)
    return {
        "reach_map": reach_map,
        "area": area,
        "period": period,
        "period_span": _span(period) if period else None,
        "resident_period": resident_period,
        "resident_span": _span(resident_period) if resident_period else None,
        "options": [(_span(o).slug, _span(o).label, o.is_closed) for o in options],
        "movement": p.tiles(movement_rows, MOVEMENT, area.key),
        "residents": p.tiles(resident_rows, RESIDENTS, area.key),
        "score": score,
        "score_chart": p.dimension_bars(score, _("Gemiddeld cijfer per onderdeel")) if score else "",
        "score_rows": p.score_rows(score) if score else [],
        "children": children,
        "child_level": child_level,
        "child_columns": [str(get_indicator(k).name) for k in CHILD_COLUMNS],
        # Two charts: people reached are counted in hundreds, connections and requests in tens.
        "trend_chart": p.trend_chart(spans, series[:2], _("Per kwartaal: verbindingen en vragen"))
        if spans
        else "",
        "reach_chart": p.trend_chart(
            spans, series[2:], _("Per kwartaal: inwoners die een spinnenweb invulden")
        )
        if spans
        else "",
        "trend_table": [
            {
                "label": s.label,
                "cells": [p.shown(trend[k].get(s.slug)) for k in ("connections", "requests", "reach")],
            }
            for s in spans
        ],
        "trend_columns": [str(get_indicator(k).name) for k in ("connections", "requests", "reach")],
    }


def _reach_map(
    request: HttpRequest, tree: AreaTree, area: Area, resident_period: Period | None
) -> dict | None:
    """A map of residents reached per municipality (region and subregion pages), with its table."""
    from django.urls import reverse

    from veerkracht.lib import geo

    if resident_period is None or area.level == AreaLevel.MUNICIPALITY:
        return None
    municipalities = [
        (code, name)
        for code, name, sub in tree.municipalities
        if area.level == AreaLevel.REGION or sub == area.code
    ]
    found = {
        r.area_code: r
        for r in Figure.objects.filter(
            period=resident_period,
            indicator="reach",
            area_level=AreaLevel.MUNICIPALITY,
            area_code__in=[c for c, _n in municipalities],
            breakdown="",
        )
    }
    maximum = max((f.value or 0 for f in found.values() if not f.suppressed), default=0)
    areas, rows = [], []
    for code, name in municipalities:
        figure = found.get(code)
        text = p.shown(figure)
        value = None if figure is None or figure.suppressed else figure.value
        level = geo.sequential_class(value, maximum)
        fill = geo.SEQUENTIAL_COLOURS[level - 1] if level else geo.NO_DATA_COLOUR
        url = reverse("monitor:municipality", args=[code]) + f"?periode={_span(resident_period).slug}"
        areas.append(geo.Area(code, name, fill, f"{name}: {text}", url))
        rows.append({"name": name, "text": text, "url": url})
    legend = [{"colour": geo.NO_DATA_COLOUR, "label": _("geen, of minder dan 10 mensen")}]
    for k, colour in enumerate(geo.SEQUENTIAL_COLOURS, start=1):
        # Shown values are never below 10 (smaller ones are hidden), so the first class starts there.
        low, high = max(math.floor((k - 1) * maximum / 4) + 1, 10), math.floor(k * maximum / 4)
        if maximum > 0 and low <= high:
            label = _("%(low)s tot en met %(high)s mensen") % {"low": p.number(low), "high": p.number(high)}
            legend.append({"colour": colour, "label": label})
    svg = geo.choropleth_svg(
        shapes=geo.region_shapes(tuple(sorted(c for c, _n in municipalities))),
        areas=areas,
        title=_("Kaart: inwoners die een spinnenweb invulden, per gemeente, %(period)s")
        % {"period": _span(resident_period).label},
        title_id="kaart-bereik",
    )
    return {"svg": svg, "rows": rows, "legend": legend, "attribution": geo.ATTRIBUTION}


def _from_first_data(spans: list, found: dict[str, Figure]) -> list:
    """Leave out the periods before the first one with figures (a trend that starts empty says nothing)."""
    for index, span in enumerate(spans):
        figure = found.get(span.slug)
        if figure is not None and (figure.suppressed or figure.data or figure.n):
            return spans[index:]
    return []


def _with_setup(view):
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        request._monitor = _setup(request)
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@_with_setup
def region(request: HttpRequest) -> HttpResponse:
    region, tree = request._monitor
    area = Area(AreaLevel.REGION.value, tree.region_slug, region.movement_name)
    context = _overview(request, area, AreaLevel.SUBREGION.value, [slug for slug, _n in tree.subregions])
    return render(request, "monitor/overview.html", context)


@_with_setup
def subregion(request: HttpRequest, slug: str) -> HttpResponse:
    _region, tree = request._monitor
    name = dict(tree.subregions).get(slug)
    if name is None:
        raise Http404
    codes = [code for code, _n, sub in tree.municipalities if sub == slug]
    context = _overview(
        request, Area(AreaLevel.SUBREGION.value, slug, name), AreaLevel.MUNICIPALITY.value, codes
    )
    return render(request, "monitor/overview.html", context)


def _municipality_context(request: HttpRequest, code: str) -> dict:
    _region, tree = request._monitor
    found = next(((c, n, s) for c, n, s in tree.municipalities if c == code), None)
    if found is None:
        raise Http404
    area = Area(AreaLevel.MUNICIPALITY.value, code, found[1])
    context = _overview(request, area, None, [])
    context["subregion"] = (found[2], dict(tree.subregions).get(found[2])) if found[2] else None
    context["policy"] = MunicipalityPolicy.objects.filter(municipality__code=code).first()
    resident_period = context["resident_period"]
    context["gap"] = None
    if resident_period is not None and may_see(request.user, "gap", area.level):
        gap = Figure.objects.filter(
            period=resident_period, indicator="gap", area_level=area.level, area_code=code, breakdown=""
        ).first()
        context["gap"] = gap
        context["gap_rows"] = _gap_rows(gap)
    context["may_see_gap"] = may_see(request.user, "gap", area.level)
    return context


@_with_setup
def municipality(request: HttpRequest, code: str) -> HttpResponse:
    return render(request, "monitor/overview.html", _municipality_context(request, code))


@_with_setup
def municipality_report(request: HttpRequest, code: str) -> HttpResponse:
    from veerkracht.lib.pdf import html_to_pdf

    context = _municipality_context(request, code)
    context["generated_at"] = timezone.localtime()
    context["definitions"] = [get_indicator(k) for k in MOVEMENT + RESIDENTS + ["score", "gap"]]
    context["dialogue_note"] = get_indicator("score").notes[0]
    html = render_to_string("monitor/report_pdf.html", context, request=request)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    filename = f"monitor-{code}-{timezone.localdate():%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _gap_rows(gap: Figure | None) -> list[dict]:
    rows = []
    for key, name in p.DIMENSIONS:
        entry = (gap.data or {}).get(key) if gap is not None and not gap.suppressed else None
        rows.append(
            {
                "name": name,
                "low": p.number(entry and entry["low"], 1),
                "high": p.number(entry and entry["high"], 1),
                "gap": p.HIDDEN
                if gap is not None and gap.suppressed
                else p.number(entry and entry["gap"], 1),
            }
        )
    return rows


def _resident_options(region, kinds=(PeriodKind.YEAR, PeriodKind.QUARTER)) -> list[Period]:
    return [o for o in _periods(region, kinds) if o.is_closed]


@_with_setup
def outcomes(request: HttpRequest) -> HttpResponse:
    region, tree = request._monitor
    area = _area_from_param(request, tree, region)
    options = _resident_options(region)
    default = next((o for o in options if o.kind == PeriodKind.YEAR), options[0] if options else None)
    period = _choose(request, options, default)
    breakdown = BREAKDOWN_PARAM.get(request.GET.get("uitsplitsing", ""), "")
    if breakdown and not may_see(request.user, "score", area.level, breakdown):
        messages.info(
            request, _("Deze uitsplitsing per gemeente is alleen te zien voor analisten. Je ziet het totaal.")
        )
        breakdown = ""
    rows = (
        list(
            Figure.objects.filter(
                period=period,
                indicator="score",
                area_level=area.level,
                area_code=area.code,
                breakdown__in=["", breakdown],
            )
        )
        if period
        else []
    )
    total = next((r for r in rows if not r.breakdown), None)
    groups = [
        {
            "label": p.category_label(r.breakdown, r.category),
            "figure": r,
            "rows": p.score_rows(r),
            "n": p.HIDDEN if r.suppressed else p.number(r.n),
        }
        for r in rows
        if r.breakdown
    ]
    years = list(_resident_options(region, (PeriodKind.YEAR,)))[::-1]
    trend_rows = Figure.objects.filter(
        period__in=years, indicator="score", area_level=area.level, area_code=area.code, breakdown=""
    ).select_related("period")
    by_year = {_span(r.period).slug: r for r in trend_rows}
    spans = _from_first_data([_span(y) for y in years], by_year)
    series = [
        (
            name,
            {
                s: by_year[s].data[key]["mean"]
                for s in by_year
                if not by_year[s].suppressed and by_year[s].data
            },
        )
        for key, name in p.DIMENSIONS
    ]
    change_year = next(
        (o for o in _resident_options(region, (PeriodKind.YEAR,)) if period and o.start <= period.start), None
    )
    change_breakdowns = [""] + (
        ["education"] if may_see(request.user, "change", area.level, "education") else []
    )
    change = (
        list(
            Figure.objects.filter(
                period=change_year,
                indicator="change",
                area_level=area.level,
                area_code=area.code,
                breakdown__in=change_breakdowns,
            )
        )
        if change_year
        else []
    )
    context = {
        "area": area,
        "areas": _area_choices(tree),
        "period": period,
        "period_span": _span(period) if period else None,
        "options": [(_span(o).slug, _span(o).label, True) for o in options],
        "breakdown": breakdown,
        "breakdown_param": next((k for k, v in BREAKDOWN_PARAM.items() if v == breakdown), ""),
        "total": total,
        "total_n": p.shown_n(total),
        "chart": p.dimension_bars(total, _("Gemiddeld cijfer per onderdeel")) if total else "",
        "rows": p.score_rows(total) if total else [],
        "groups": groups,
        "trend_chart": p.trend_chart(spans, series, _("Gemiddeld cijfer per jaar"), max_value=10)
        if spans
        else "",
        "trend_table": [
            {
                "label": s.label,
                "cells": [
                    p.number((by_year[s.slug].data or {}).get(k, {}).get("mean"), 1)
                    if s.slug in by_year and not by_year[s.slug].suppressed
                    else (p.HIDDEN if s.slug in by_year else "–")
                    for k, _n in p.DIMENSIONS
                ],
            }
            for s in spans
        ],
        "change_span": _span(change_year) if change_year else None,
        "change": [_change_view(r) for r in change],
        "note": get_indicator("score").notes[0],
        "change_notes": get_indicator("change").notes,
    }
    return render(request, "monitor/outcomes.html", context)


def _change_view(row: Figure) -> dict:
    rows = []
    for key, name in p.DIMENSIONS:
        entry = (row.data or {}).get(key) if not row.suppressed else None
        rows.append(
            {
                "name": name,
                "mean": p.HIDDEN if row.suppressed else p.signed(entry and entry["mean"]),
                "ci": ""
                if not entry
                else f"{p.signed(entry['ci'][0])} {_('tot')} {p.signed(entry['ci'][1])}",
            }
        )
    return {"label": p.category_label(row.breakdown, row.category), "n": p.shown_n(row), "rows": rows}


def _area_choices(tree: AreaTree) -> list[tuple[str, str]]:
    choices = [("", _("hele regio"))]
    choices += [(slug, name) for slug, name in tree.subregions]
    choices += [(code, name) for code, name, _s in tree.municipalities]
    return choices


@_with_setup
def gap(request: HttpRequest) -> HttpResponse:
    region, tree = request._monitor
    area = _area_from_param(request, tree, region)
    if not may_see(request.user, "gap", area.level):
        messages.info(
            request, _("De kloof per gemeente is alleen te zien voor analisten. Je ziet de hele regio.")
        )
        area = Area(AreaLevel.REGION.value, tree.region_slug, region.movement_name)
    kind = PeriodKind.QUARTER if request.GET.get("per") == "kwartaal" else PeriodKind.YEAR
    spans_periods = _resident_options(region, (kind,))[::-1]
    rows = Figure.objects.filter(
        period__in=spans_periods, indicator="gap", area_level=area.level, area_code=area.code, breakdown=""
    ).select_related("period")
    by_span = {_span(r.period).slug: r for r in rows}
    spans = _from_first_data([_span(o) for o in spans_periods], by_span)
    series = [
        (name, {s: f.data[key]["gap"] for s, f in by_span.items() if not f.suppressed and f.data})
        for key, name in p.DIMENSIONS
    ]
    latest = spans_periods[-1] if spans_periods else None
    sub_rows = []
    if latest is not None:
        found = {
            r.area_code: r
            for r in Figure.objects.filter(
                period=latest, indicator="gap", area_level=AreaLevel.SUBREGION, breakdown=""
            )
        }
        for slug, name in tree.subregions:
            figure = found.get(slug)
            sub_rows.append({"name": name, "slug": slug, "rows": _gap_rows(figure)})
    context = {
        "area": area,
        "areas": _area_choices(tree),
        "per": "kwartaal" if kind == PeriodKind.QUARTER else "jaar",
        "chart": p.trend_chart(spans, series, _("Kloof tussen hoog en laag opgeleid, per onderdeel"))
        if spans
        else "",
        "table": [
            {"label": s.label, "cells": [_gap_cell(by_span.get(s.slug), k) for k, _n in p.DIMENSIONS]}
            for s in spans
        ],
        "latest_span": _span(latest) if latest else None,
        "latest_rows": _gap_rows(by_span.get(_span(latest).slug)) if latest else [],
        "subregions": sub_rows,
        "note": get_indicator("gap").notes[0],
        "definition": get_indicator("gap").definition,
    }
    return render(request, "monitor/gap.html", context)


def _gap_cell(figure: Figure | None, key: str) -> str:
    if figure is None:
        return "–"
    if figure.suppressed:
        return p.HIDDEN
    if not figure.data:
        return "–"
    return p.number(figure.data[key]["gap"], 1)


@_with_setup
def definitions(request: HttpRequest) -> HttpResponse:
    found = breakdowns()
    groups = []
    for group, label in GROUPS.items():
        items = [
            {
                "indicator": i,
                "unit": UNITS[i.unit],
                "breakdowns": [found[b].label for b in i.breakdowns],
                "periods": [PeriodKind(k).label for k in i.periods],
            }
            for i in indicators()
            if i.group == group
        ]
        groups.append({"label": label, "items": items})
    return render(request, "monitor/definitions.html", {"groups": groups})


CSV_COLUMNS = ["periode", "indicator", "gebiedsniveau", "gebiedscode", "gebied", "uitsplitsing", "categorie"]


@_with_setup
def download(request: HttpRequest, table: str) -> HttpResponse:
    """CSV of one indicator and period: the area and the areas in it, each breakdown this person may see."""
    region, tree = request._monitor
    indicator = get_indicator(table)
    if indicator is None:
        raise Http404
    options = _periods(region, indicator.periods)
    if indicator.about_residents:
        options = [o for o in options if o.is_closed]
    period = _choose(request, options, options[0] if options else None)
    if period is None:
        raise Http404
    area = _area_from_param(request, tree, region)
    codes = {area.key}
    if area.level == AreaLevel.REGION:
        codes |= set(tree.children[area.key]) | {
            (AreaLevel.MUNICIPALITY.value, c) for c, _n, _s in tree.municipalities
        }
    elif area.level == AreaLevel.SUBREGION:
        codes |= set(tree.children[area.key])
    rows = [
        r
        for r in Figure.objects.filter(
            period=period, indicator=indicator.key, area_code__in={c for _l, c in codes}
        ).order_by("area_level", "area_code", "breakdown", "category")
        if (r.area_level, r.area_code) in codes
        and may_see(request.user, r.indicator, r.area_level, r.breakdown)
    ]
    names = _names(tree)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    span = _span(period)
    response["Content-Disposition"] = f'attachment; filename="monitor-{indicator.key}-{span.slug}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response, delimiter=";")
    dims = indicator.key in ("score", "gap", "change")
    header = CSV_COLUMNS + (["onderdeel", "waarde", "n", "extra"] if dims else ["waarde", "n"])
    writer.writerow(header)
    for r in rows:
        base = [
            span.slug,
            indicator.key,
            r.area_level,
            r.area_code,
            names.get((r.area_level, r.area_code), r.area_code),
            r.breakdown,
            r.category,
        ]
        if not dims:
            writer.writerow([*base, p.shown(r), p.shown_n(r)])
            continue
        for key, name in p.DIMENSIONS:
            entry = (r.data or {}).get(key) if not r.suppressed else None
            value, extra = p.csv_values(indicator.key, entry)
            writer.writerow([*base, name, p.HIDDEN if r.suppressed else value, p.shown_n(r), extra])
    return response
