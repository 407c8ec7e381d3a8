"""Calendar feeds to subscribe to (webcal): the region's public events, or those of one subregion."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from veerkracht.regions.selectors import get_region_or_404

from ..calendar import calendar_bytes
from ..selectors.calendars import feed_events, feed_version, subregion_by_slug, upcoming_feed_events

FEED_MAX_AGE = 3600  # calendar apps poll every few hours; an hour in a cache is fresh enough


def _feed_response(request: HttpRequest, region, subregion) -> HttpResponse:
    now = timezone.now()
    version = feed_version(region, subregion, now)
    etag = quote_etag(version.etag)
    modified = int(version.last_modified.timestamp()) if version.last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        name = f"{region.movement_name or region.name}: {subregion.name}" if subregion else ""
        name = name or _("%(name)s: agenda") % {"name": region.movement_name or region.name}
        body = calendar_bytes(feed_events(region, subregion, now), name=name)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_safe
def feed(request: HttpRequest) -> HttpResponse:
    return _feed_response(request, get_region_or_404(request), None)


@require_safe
def feed_subregion(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_region_or_404(request)
    subregion = subregion_by_slug(region, slug)
    if subregion is None:
        raise Http404
    return _feed_response(request, region, subregion)


class UpcomingRss(Feed):
    """The next public sessions as RSS (Atom below): for feed readers and other websites."""

    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args, **kwargs):
        return get_region_or_404(request)

    def title(self, region) -> str:
        return _("%(name)s: agenda") % {"name": region.movement_name or region.name}

    def link(self) -> str:
        return reverse("agenda:list")

    def description(self, region) -> str:
        return _("Inspiratiesessies, workshops en lezingen die eraan komen.")

    def items(self, region) -> list:
        return upcoming_feed_events(region, timezone.now())

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        when = date_format(timezone.localtime(item.starts_at), "DATETIME_FORMAT")
        place = _("online") if item.online else (item.municipality.name if item.municipality_id else "")
        return f"{when}, {place}. {item.description}"

    def item_link(self, item) -> str:
        return reverse("agenda:event", args=[item.pk])

    def item_pubdate(self, item):
        return item.starts_at

    def item_updateddate(self, item):
        return item.updated_at


class UpcomingAtom(UpcomingRss):
    feed_type = Atom1Feed
    subtitle = UpcomingRss.description
