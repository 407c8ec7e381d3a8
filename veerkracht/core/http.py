"""Small helpers for views."""

from __future__ import annotations

from django.http import HttpRequest


def base_url(request: HttpRequest) -> str:
    """Scheme and host of this request, without a trailing slash: for links in e-mails."""
    return request.build_absolute_uri("/").rstrip("/")
