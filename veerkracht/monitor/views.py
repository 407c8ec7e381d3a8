"""Dashboard pages: region, subregion and municipality overviews, health outcomes, the health gap,
definitions, CSV downloads and the municipality report (PDF). Every chart has a table with the same
numbers; filters live in the URL so a view can be shared. All figures come from the frozen snapshots:
views read them through selectors.py and shape them with presenters/."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from veerkracht.core import pagecache
from veerkracht.core.indicators import QUARTER, YEAR, get_indicator
from veerkracht.core.ratelimit import client_ip, too_many
from veerkracht.lib.pdf import html_to_pdf
from veerkracht.policy.selectors import policy_of
from veerkracht.regions.selectors import get_region_or_404

from . import selectors
from .compute.areas import AreaTree
from .compute.periods import parse_slug
from .models import AreaLevel, Period
from .permissions import may_see
from .presenters import downloads, reports
from .presenters import outcomes as outcome_pages
from .presenters import overview as overview_pages
from .presenters.areas import Area, area_choices, area_for_code, area_names, area_with_parts, region_area
from .presenters.outcomes import BREAKDOWN_PARAM
from .presenters.overview import FIRST_BREAKDOWNS, MOVEMENT, RESIDENTS, TREND, span


def _setup(request: HttpRequest) -> tuple[object, AreaTree]:
    region = get_region_or_404(request)
    return region, AreaTree.of(region)


def _area_from_param(request: HttpRequest, tree: AreaTree, region) -> Area:
    """?gebied=<subregion slug or municipality code>; the whole region without it."""
    code = request.GET.get("gebied", "")
    area = area_for_code(tree, code)
    if area is None and code:
        messages.warning(request, _("Dat gebied kennen we niet. Je ziet nu de hele regio."))
    return area or region_area(tree, region)


def _choose(request: HttpRequest, options: list[Period], default: Period | None) -> Period | None:
    """?periode=<slug> among the options; the default (with a message) when it is not one of them."""
    slug = request.GET.get("periode", "")
    if not slug:
        return default
    found = parse_slug(slug)
    for period in options:
        if found is not None and (period.kind, period.start) == (found.kind, found.start):
            return period
    messages.warning(request, _("Voor die periode zijn er geen cijfers. Je ziet nu de nieuwste periode."))
    return default


OVERVIEW_SECONDS = 7 * 24 * 3600  # a new snapshot gives a new key long before this


def _overview(request: HttpRequest, region, tree: AreaTree, area: Area, child_level, child_codes) -> dict:
    """The overview's figures, computed once per snapshot (data version), area, period and language:
    they only change when a snapshot run writes new figures."""
    options = selectors.periods(region)
    period = _choose(request, options, next((o for o in options if o.kind == YEAR), None))
    key = pagecache.versioned_key(
        "monitor:overview",
        selectors.data_version(region),
        area.key,
        child_level,
        ",".join(child_codes),
        getattr(period, "pk", None),
        get_language(),
    )
    compute = partial(_compute_overview, region, tree, area, child_level, child_codes, options, period)
    return dict(pagecache.remember(key, compute, OVERVIEW_SECONDS))


def _compute_overview(region, tree: AreaTree, area: Area, child_level, child_codes, options, period) -> dict:
    resident = overview_pages.resident_period(period, options)
    data = overview_pages.Overview(
        area, child_level, child_codes, options, period, resident, [], [], [], None
    )
    if period is not None:
        chosen = [period, resident] if resident else [period]
        indicators = [*MOVEMENT, *RESIDENTS, "score"]
        data.rows = selectors.figures_for_areas(chosen, indicators, data.areas, FIRST_BREAKDOWNS)
    data.quarters = selectors.recent_quarters(region)
    data.trend_rows = selectors.trend(data.quarters, TREND, area.key)
    if resident is not None and area.level != AreaLevel.MUNICIPALITY:
        codes = [code for code, _name in overview_pages.reach_codes(tree, area)]
        data.reach = selectors.totals_by_code(resident, "reach", AreaLevel.MUNICIPALITY, codes)
    return overview_pages.context(tree, data)


def _snapshot_version(request: HttpRequest, *args, **kwargs) -> tuple[str, ...]:
    region = request.region
    return (selectors.data_version(region),) if region else ("none",)


@pagecache.anonymous_page(_snapshot_version)
def region(request: HttpRequest) -> HttpResponse:
    region, tree = _setup(request)
    subregions = [slug for slug, _name in tree.subregions]
    context = _overview(
        request, region, tree, region_area(tree, region), AreaLevel.SUBREGION.value, subregions
    )
    return render(request, "monitor/overview.html", context)


@pagecache.anonymous_page(_snapshot_version)
def subregion(request: HttpRequest, slug: str) -> HttpResponse:
    region, tree = _setup(request)
    name = dict(tree.subregions).get(slug)
    if name is None:
        raise Http404
    codes = [code for code, _n, sub in tree.municipalities if sub == slug]
    area = Area(AreaLevel.SUBREGION.value, slug, name)
    return render(
        request,
        "monitor/overview.html",
        _overview(request, region, tree, area, AreaLevel.MUNICIPALITY.value, codes),
    )


def _municipality_context(request: HttpRequest, code: str) -> dict:
    region, tree = _setup(request)
    found = next(((c, n, s) for c, n, s in tree.municipalities if c == code), None)
    if found is None:
        raise Http404
    area = Area(AreaLevel.MUNICIPALITY.value, code, found[1])
    context = _overview(request, region, tree, area, None, [])
    context["subregion"] = (found[2], dict(tree.subregions).get(found[2])) if found[2] else None
    context["policy"] = policy_of(code)
    context["gap"] = None
    context["may_see_gap"] = may_see(request.user, "gap", area.level)
    if context["resident_period"] is not None and context["may_see_gap"]:
        context["gap"] = selectors.total(context["resident_period"], "gap", area.key)
        context["gap_rows"] = overview_pages.gap_rows(context["gap"])
    return context


@pagecache.anonymous_page(_snapshot_version)
def municipality(request: HttpRequest, code: str) -> HttpResponse:
    return render(request, "monitor/overview.html", _municipality_context(request, code))


def municipality_pick(request: HttpRequest) -> HttpResponse:
    """The picker at the top of the monitor: ?gemeente=<CBS code> leads to that municipality's page."""
    _region, tree = _setup(request)
    code = request.GET.get("gemeente", "")
    if code not in {c for c, _name, _sub in tree.municipalities}:
        messages.info(request, _("Kies een gemeente uit de lijst."))
        return redirect("monitor:region")
    return redirect("monitor:municipality", code)


def report_html(request: HttpRequest, code: str) -> str:
    context = _municipality_context(request, code)
    context["generated_at"] = timezone.localtime()
    context["definitions"] = [get_indicator(k) for k in overview_pages.REPORT_DEFINITIONS]
    context["dialogue_note"] = get_indicator("score").notes[0]
    return render_to_string("monitor/report_pdf.html", context, request=request)


def report_key(request: HttpRequest, code: str) -> str:
    region, _tree = _setup(request)
    return reports.cache_key(
        version=selectors.data_version(region),
        code=code,
        period=request.GET.get("periode", "")[:20],
        may_see_gap=may_see(request.user, "gap", AreaLevel.MUNICIPALITY.value),
    )


def municipality_report(request: HttpRequest, code: str) -> HttpResponse:
    """Served from the cache once made for this snapshot (presenters/reports.py)."""
    key = report_key(request, code)
    pdf = reports.cached(key)
    if pdf is None:
        limit, seconds = reports.MAKE_LIMIT
        if too_many("monitor.report", client_ip(request), limit=limit, seconds=seconds):
            return render(request, "429.html", status=429)
        pdf = html_to_pdf(report_html(request, code))
        reports.keep(key, pdf)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="monitor-{code}-{timezone.localdate():%Y-%m-%d}.pdf"'
    )
    return response


def _breakdown(request: HttpRequest, area: Area) -> str:
    """?uitsplitsing=leeftijd|opleiding, if this person may see that split for this area."""
    breakdown = BREAKDOWN_PARAM.get(request.GET.get("uitsplitsing", ""), "")
    if breakdown and not may_see(request.user, "score", area.level, breakdown):
        messages.info(
            request, _("Deze uitsplitsing per gemeente is alleen te zien voor analisten. Je ziet het totaal.")
        )
        return ""
    return breakdown


def outcomes(request: HttpRequest) -> HttpResponse:
    region, tree = _setup(request)
    area = _area_from_param(request, tree, region)
    options = selectors.closed_periods(region)
    years = [o for o in options if o.kind == YEAR]
    period = _choose(request, options, years[0] if years else (options[0] if options else None))
    breakdown = _breakdown(request, area)
    change_year = next((o for o in years if period and o.start <= period.start), None)
    change_splits = [""] + (["education"] if may_see(request.user, "change", area.level, "education") else [])
    context = {
        "area": area,
        "areas": area_choices(tree),
        "period": period,
        "period_span": span(period) if period else None,
        "options": [(span(o).slug, span(o).label, True) for o in options],
        "breakdown": breakdown,
        "breakdown_param": next((k for k, v in BREAKDOWN_PARAM.items() if v == breakdown), ""),
        **outcome_pages.scores(selectors.area_figures(period, "score", area.key, ["", breakdown])),
        **outcome_pages.score_trend(years[::-1], selectors.trend(years, ["score"], area.key)),
        "change_span": span(change_year) if change_year else None,
        "change": [
            outcome_pages.change(r)
            for r in selectors.area_figures(change_year, "change", area.key, change_splits)
        ],
        **outcome_pages.notes(),
    }
    return render(request, "monitor/outcomes.html", context)


def gap(request: HttpRequest) -> HttpResponse:
    region, tree = _setup(request)
    area = _area_from_param(request, tree, region)
    if not may_see(request.user, "gap", area.level):
        messages.info(
            request, _("De kloof per gemeente is alleen te zien voor analisten. Je ziet de hele regio.")
        )
        area = region_area(tree, region)
    kind = QUARTER if request.GET.get("per") == "kwartaal" else YEAR
    periods = selectors.closed_periods(region, (kind,))[::-1]
    subregions = []
    if periods:
        found = selectors.totals_by_code(periods[-1], "gap", AreaLevel.SUBREGION)
        subregions = [(slug, name, found.get(slug)) for slug, name in tree.subregions]
    context = {
        "area": area,
        "areas": area_choices(tree),
        "per": "kwartaal" if kind == QUARTER else "jaar",
        **outcome_pages.gap(periods, selectors.trend(periods, ["gap"], area.key), subregions),
    }
    return render(request, "monitor/gap.html", context)


def definitions(request: HttpRequest) -> HttpResponse:
    get_region_or_404(request)
    return render(request, "monitor/definitions.html", {"groups": downloads.definition_groups()})


def download(request: HttpRequest, table: str) -> HttpResponse:
    """CSV of one indicator and period: the area and the areas in it, each breakdown this person may see."""
    region, tree = _setup(request)
    indicator = get_indicator(table)
    if indicator is None:
        raise Http404
    options = selectors.periods(region, indicator.periods)
    if indicator.about_residents:
        options = [o for o in options if o.is_closed]
    period = _choose(request, options, options[0] if options else None)
    if period is None:
        raise Http404
    areas = area_with_parts(tree, _area_from_param(request, tree, region))
    rows = [
        r
        for r in selectors.figures_in(period, indicator.key, {code for _level, code in areas})
        if (r.area_level, r.area_code) in areas
        and may_see(request.user, r.indicator, r.area_level, r.breakdown)
    ]
    response = _csv_response(f"monitor-{indicator.key}-{span(period).slug}.csv")
    downloads.write_csv(response, rows, area_names(tree))
    return response


def _csv_response(filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def download_area(request: HttpRequest, code: str) -> HttpResponse:
    """All figures of one area (every period, indicator and split this person may see) in one CSV."""
    region, tree = _setup(request)
    area = region_area(tree, region) if code == tree.region_slug else area_for_code(tree, code)
    if area is None:
        raise Http404
    rows = [
        r
        for r in selectors.all_figures_of(region, area.key)
        if may_see(request.user, r.indicator, r.area_level, r.breakdown)
    ]
    response = _csv_response(f"monitor-{slugify(area.name)}-alle-cijfers.csv")
    downloads.write_csv(response, rows, area_names(tree, region_name=region.movement_name))
    return response
