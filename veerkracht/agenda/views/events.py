"""The public agenda: the list with filters and the page of one event (helper A builds these)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def event_list(request: HttpRequest) -> HttpResponse:
    raise Http404


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404
