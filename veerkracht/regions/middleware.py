from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from .selectors import region_for_request


class RegionMiddleware:
    """Sets ``request.region``: the region this installation serves (None before one is loaded).

    Lazy, like ``request.user``: looked up on first use and at most once per request. Views that need
    a region use ``get_region_or_404(request)``; templates get ``region`` from the context processor.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.region = SimpleLazyObject(lambda: region_for_request(request))
        return self.get_response(request)
