"""Small helpers for views."""

from __future__ import annotations

from django.http import Http404, HttpRequest


def base_url(request: HttpRequest) -> str:
    """Scheme and host of this request, without a trailing slash: for links in e-mails."""
    return request.build_absolute_uri("/").rstrip("/")


def pk_or_404(value: int | str) -> int:
    """An id from a URL, form or query string as a number; anything but plain ASCII digits is a 404."""
    text = str(value)
    if not (text.isascii() and text.isdigit()):
        raise Http404
    return int(text)
