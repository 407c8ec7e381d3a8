from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def region(request: HttpRequest) -> HttpResponse:
    return render(request, "monitor/region.html", {})


subregion = municipality = municipality_report = outcomes = gap = definitions = download = region
