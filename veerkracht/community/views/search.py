"""One search over the site: a query box, results grouped by kind, filters, a page per kind."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from veerkracht.regions.selectors import get_region_or_404, municipalities_for_region

from ..forms.search import SearchForm
from ..selectors.search import search_site, sources_by_key


def search(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    municipalities = list(municipalities_for_region(region))
    subregions = sorted({m.subregion for m in municipalities if m.subregion}, key=lambda s: s.name)
    kinds = [(key, str(source.label)) for key, source in sources_by_key().items()]
    form = SearchForm(request.GET or None, kinds=kinds, municipalities=municipalities, subregions=subregions)
    filters = form.filters()
    words = form.words()
    results = search_site(region, words, filters, request.GET.get("page")) if words else None
    context = {
        "form": form,
        "words": words,
        "results": results,
        "kind": filters["kind"],
        "filtered": any(value for key, value in filters.items() if key != "kind"),
    }
    return render(request, "community/search/search.html", context)
