"""News: the public list and page, staff's list, writing, changing and hiding; RSS and Atom feeds."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.core.http import absolute_url
from veerkracht.core.ratelimit import too_many
from veerkracht.regions.selectors import get_region_or_404

from ..forms.news import HideForm, NewsForm
from ..permissions.news import get_news_for_user
from ..selectors.news import news_for_feed, news_for_staff_page, news_page
from ..services import moderation
from ..services import news as services

PER_PAGE = 10


def news_list(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    page = news_page(region, request.GET.get("page"), per_page=PER_PAGE)
    context = {"page": page, "can_write": moderation.is_moderator(request.user)}
    return render(request, "community/news/list.html", context)


def news_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_news_for_user(request.user, pk, get_region_or_404(request))
    photo_url = absolute_url(request, item.photo.url) if item.photo else ""
    context = {
        "item": item,
        "photo_url": photo_url,
        "can_write": moderation.is_moderator(request.user),
        "hide_form": HideForm(),
    }
    response = render(request, "community/news/detail.html", context)
    if item.is_old or item.is_hidden or item.is_scheduled:
        response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def news_manage(request: HttpRequest) -> HttpResponse:
    if not moderation.is_moderator(request.user):
        raise Http404
    page = news_for_staff_page(get_region_or_404(request), request.GET.get("page"), per_page=25)
    return render(request, "community/news/manage.html", {"page": page})


def _save(request: HttpRequest, form: NewsForm, item=None):
    if too_many("community.news.write", str(request.user.pk), limit=60, seconds=3600):
        form.add_error(
            None, _("Je hebt veel berichten achter elkaar opgeslagen. Probeer het over een uur opnieuw.")
        )
        return None
    data = form.cleaned_data
    fields = {
        "actor": request.user,
        "title": data["title"],
        "text": data["text"],
        "published_at": data["published_at"],
        "expires_at": data["expires_at"],
        "photo": data.get("photo"),
        "photo_alt": data.get("photo_alt", ""),
    }
    try:
        if item is None:
            return services.news_create(region=get_region_or_404(request), **fields)
        return services.news_update(item=item, remove_photo=bool(data.get("remove_photo")), **fields)
    except ValidationError as exc:
        form.add_error(None, exc.messages)
    return None


@login_required
def news_create(request: HttpRequest) -> HttpResponse:
    if not moderation.is_moderator(request.user):
        raise Http404
    form = NewsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        item = _save(request, form)
        if item is not None:
            messages.success(request, _("Het nieuwsbericht is opgeslagen."))
            return redirect("community:news_item", item.pk)
    return render(request, "community/news/form.html", {"form": form, "item": None})


@login_required
def news_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_news_for_user(request.user, pk, get_region_or_404(request), write=True)
    form = NewsForm(request.POST or None, request.FILES or None, item=item)
    if request.method == "POST" and form.is_valid() and _save(request, form, item) is not None:
        messages.success(request, _("De wijzigingen zijn opgeslagen."))
        return redirect("community:news_item", item.pk)
    return render(request, "community/news/form.html", {"form": form, "item": item})


@login_required
@require_POST
def news_hide(request: HttpRequest, pk: int) -> HttpResponse:
    """Hide (with a reason) or, when it is hidden, show again."""
    item = get_news_for_user(request.user, pk, get_region_or_404(request), write=True)
    try:
        if item.is_hidden:
            moderation.content_restore(obj=item, actor=request.user)
            messages.success(request, _("Het bericht is weer te zien."))
        else:
            form = HideForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            moderation.content_hide(obj=item, actor=request.user, reason=reason)
            messages.success(request, _("Het bericht is verborgen."))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [])) or _("Dat mag niet."))
    return redirect("community:news_item", item.pk)


class NewsRss(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return get_region_or_404(request)

    def title(self, region) -> str:
        return _("%(name)s: nieuws") % {"name": region.movement_name or region.name}

    def link(self) -> str:
        return reverse("community:news")

    def description(self, region) -> str:
        return _("Nieuws van het actiecentrum.")

    def items(self, region) -> list:
        return news_for_feed(region)

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.text

    def item_link(self, item) -> str:
        return reverse("community:news_item", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_enclosure_url(self, item):
        return absolute_url(self.request, item.photo.url) if item.photo else None

    def item_enclosure_length(self, item):
        try:
            return item.photo.size if item.photo else 0
        except OSError:  # a missing file must not break the whole feed
            return 0

    item_enclosure_mime_type = "image/jpeg"


class NewsAtom(NewsRss):
    feed_type = Atom1Feed
    subtitle = NewsRss.description
