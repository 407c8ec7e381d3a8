"""Registering, and the private page to change or cancel (helper A builds these)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def manage(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404
