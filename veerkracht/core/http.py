"""Small helpers for views."""

from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse


def base_url(request: HttpRequest) -> str:
    """Scheme and host of this request, without a trailing slash: for links in e-mails."""
    return request.build_absolute_uri("/").rstrip("/")


def absolute_url(request: HttpRequest, path: str) -> str:
    """`path` (from reverse() or static()) as a full address on this site: for feeds, sharing, Open Graph."""
    if path.startswith(("http://", "https://")):
        return path
    return base_url(request) + path


def pk_or_404(value: int | str) -> int:
    """An id from a URL, form or query string as a number; anything but plain ASCII digits is a 404."""
    text = str(value)
    if not (text.isascii() and text.isdigit()):
        raise Http404
    return int(text)


def json_attachment(data: dict, filename: str) -> JsonResponse:
    """A JSON download (readable: UTF-8 and indented) named `filename`."""
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
