"""Caching what only changes with a write or a snapshot: data versions, anonymous pages, public files.

**Data versions.** ``version(name)`` is a token that changes whenever ``bump(name)`` is called (a write
to that data, on commit). Cached values are kept under a key that holds the token, so the first read
after a write computes anew; old entries are never read again and expire. A lost token (cache
restarted, evicted) comes back as a new, never used value: a reset can never bring back old entries.

**Anonymous pages** (``anonymous_page``). A public page is rendered once per data version, URL and
language and then served from the cache to visitors who are not logged in and have no session or
messages cookie (so nothing personal can be on the page). Every page carries a CSRF token (the
language switch in the header): the cached copy holds a placeholder that is filled with the visitor's
own token on the way out. The response keeps ``Cache-Control: private, no-cache`` with an ETag: a
browser may keep the page but asks again each time (a 304 costs no rendering). Responses with a
message, a cookie other than the CSRF cookie, or any status other than 200 are never stored.
Logged-in visitors always get a freshly rendered page.

**Public responses** (``public_response``): a response without any token or cookie (an SVG, open-data
JSON) may be kept by browsers and proxies: ``Cache-Control: public, max-age=...`` with ``Vary: Cookie``
— but only for a request without a session cookie and a response that sets no cookie. Logged-in
responses are always ``private, no-store`` (core/middleware.py).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language

PAGE_SECONDS = 30  # a bound for what no version covers (another app's data shown on the page)
PUBLIC_SECONDS = 300
TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
TOKEN_PLACEHOLDER = rb"\1@@csrf@@\2"
STORED_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")


# --- Data versions --------------------------------------------------------------------------------


def _new_token() -> str:
    return f"{time.time_ns():x}{secrets.token_hex(3)}"


def version(name: str) -> str:
    """The current version token of the data called `name` (e.g. "initiatives:3")."""
    key = f"version:{name}"
    token = cache.get(key)
    if token is None:
        cache.add(key, _new_token(), None)
        token = cache.get(key) or _new_token()
    return token


def bump(name: str) -> None:
    """The data called `name` changed: every value cached under its old version is not read again.
    Call it after the commit (transaction.on_commit), so no reader caches old rows under the new one."""
    cache.set(f"version:{name}", _new_token(), None)


def versioned_key(prefix: str, *parts: object) -> str:
    """A short cache key for `parts` (versions, filters, language...)."""
    raw = "|".join(str(p) for p in parts)
    return f"{prefix}:{hashlib.sha256(raw.encode()).hexdigest()[:40]}"


def remember(key: str, compute: Callable[[], object], seconds: int) -> object:
    """The value kept under `key` (a versioned key), computed and kept when it is not there yet."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


# --- Anonymous pages ------------------------------------------------------------------------------


def may_use_public_copy(request: HttpRequest) -> bool:
    """Nobody logged in and nothing personal in flight: no session, no messages waiting, no htmx part."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and "HX-Request" not in request.headers
    )


def _messages_shown(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    if storage is None:
        return False
    return bool(storage._queued_messages or (storage.used and storage._loaded_messages))


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or _messages_shown(request):
        return False
    if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _etag(key: str, request: HttpRequest) -> str:
    # The visitor's CSRF cookie is part of it: a kept page holds a token for that cookie only.
    csrf = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    return '"' + hashlib.sha256(f"{key}|{csrf}".encode()).hexdigest()[:32] + '"'


def _from_copy(request: HttpRequest, copy: dict) -> HttpResponse:
    content = copy["content"]
    if b"@@csrf@@" in content:
        content = content.replace(b"@@csrf@@", get_token(request).encode())
    response = HttpResponse(content, status=200)
    for name, value in copy["headers"].items():
        response[name] = value
    return response


def _keep(key: str, response: HttpResponse, seconds: int) -> None:
    content, found = TOKEN_FIELD.subn(TOKEN_PLACEHOLDER, response.content)
    if not found and b"csrfmiddlewaretoken" in content:
        return  # a token in a form we do not recognise: never hand it to someone else
    headers = {name: response[name] for name in STORED_HEADERS if name in response}
    cache.set(key, {"content": content, "headers": headers}, seconds)


def _matches(request: HttpRequest, etag: str) -> bool:
    """If-None-Match holds this ETag, also as the weak one a compressed answer carried (GZipMiddleware
    turns "x" into W/"x": the same page, only its bytes on the wire differ)."""
    sent = parse_etags(request.headers.get("If-None-Match", ""))
    return etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in sent}


def _mark(response: HttpResponse, etag: str, public_seconds: int | None) -> HttpResponse:
    response["ETag"] = etag
    personal = b"csrfmiddlewaretoken" in getattr(response, "content", b"") or bool(response.cookies)
    if public_seconds and not personal:
        patch_cache_control(response, public=True, max_age=public_seconds)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


def anonymous_page(
    versions: Callable[..., Iterable[str]],
    *,
    seconds: int = PAGE_SECONDS,
    public_seconds: int | None = None,
) -> Callable[[Callable], Callable]:
    """Serve the page from the cache to anonymous visitors, per URL, language and `versions(request,
    *args, **kwargs)` (the data versions the page shows).

    `public_seconds`: responses that hold no form (JSON, SVG) browsers and proxies may keep that long
    (``Cache-Control: public``); a response with a CSRF token or a cookie is never marked public."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not may_use_public_copy(request):
                return view(request, *args, **kwargs)
            key = versioned_key(
                "page",
                view.__module__,
                view.__qualname__,
                request.get_host(),
                request.get_full_path(),
                get_language(),
                *versions(request, *args, **kwargs),
            )
            etag = _etag(key, request)
            copy = cache.get(key)
            if copy is not None:
                if _matches(request, etag):
                    return _mark(HttpResponseNotModified(), etag, None)
                return _mark(_from_copy(request, copy), etag, public_seconds)
            response = view(request, *args, **kwargs)
            if not _storable(request, response):
                return response
            _keep(key, response, seconds)
            return _mark(response, etag, public_seconds)

        return wrapper

    return decorator


# --- Public responses -------------------------------------------------------------------------------


def mark_public(request: HttpRequest, response: HttpResponse, *, seconds: int = PUBLIC_SECONDS) -> None:
    """`Cache-Control: public` for a response without personal content; otherwise left as it is."""
    user = getattr(request, "user", None)
    if response.status_code != 200 or response.cookies or not may_use_public_copy(request):
        return
    if user is not None and user.is_authenticated:
        return
    patch_cache_control(response, public=True, max_age=seconds)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))


def public_response(seconds: int = PUBLIC_SECONDS) -> Callable[[Callable], Callable]:
    """A view decorator: mark_public on what the view returns."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            response = view(request, *args, **kwargs)
            mark_public(request, response, seconds=seconds)
            return response

        return wrapper

    return decorator
