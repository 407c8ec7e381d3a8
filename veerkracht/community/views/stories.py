"""Stories: the public list and page, writing and changing one, "mijn verhalen", "dit inspireert me",
responses, a waiting photo for its author and moderators, and the RSS/Atom feeds."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from veerkracht.core.ratelimit import client_ip, too_many
from veerkracht.core.submissions import once
from veerkracht.regions.selectors import get_region_or_404, municipalities_for_region, region_for_request

from ..forms.stories import FilterForm, ReasonForm, ResponseForm, StoryForm
from ..permissions.stories import get_story_for_user, get_waiting_photo_for_user
from ..selectors.moderation import content_type_id_of
from ..selectors.stories import (
    feed_stories,
    has_inspired,
    link_choices,
    places,
    stories_of,
    stories_page,
    story_for_page,
)
from ..services import stories as services
from ..services.moderation import is_moderator
from ..storage import waiting_storage

PER_PAGE = 12
BROWSER_COOKIE = "vk_inspireert"
BROWSER_SALT = "community.inspire"
BROWSER_MAX_AGE = 365 * 24 * 3600


def story_list(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    municipalities, subregions = places(region)
    form = FilterForm(request.GET or None, municipalities=municipalities, subregions=subregions)
    filters = form.filters()
    context = {
        "form": form,
        "page": stories_page(region, filters, request.GET.get("page"), per_page=PER_PAGE),
        "filtered": any(filters.values()),
    }
    return render(request, "community/stories/list.html", context)


def _browser(request: HttpRequest) -> str:
    return request.get_signed_cookie(BROWSER_COOKIE, default="", salt=BROWSER_SALT) or ""


def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    story = get_story_for_user(request.user, pk, get_region_or_404(request))
    moderator = is_moderator(request.user)
    own = request.user.is_authenticated and story.author_id == request.user.pk
    context = {
        "story": story,
        **story_for_page(story, with_waiting=moderator or own, reader=request.user, moderator=moderator),
        "inspired": has_inspired(story, user=request.user, browser=_browser(request)),
        "response_form": ResponseForm(),
        "reason_form": ReasonForm(),
        "is_moderator": moderator,
        "own": own,
        "story_type": content_type_id_of(story),
        "response_type": content_type_id_of(story.responses.model),
    }
    return render(request, "community/stories/detail.html", context)


def _story_form(request: HttpRequest, region, story=None) -> StoryForm:
    initiatives, events = link_choices(region, story)
    return StoryForm(
        request.POST or None,
        request.FILES or None,
        municipalities=list(municipalities_for_region(region)),
        initiatives=initiatives,
        events=events,
        photos=story_for_page(story, with_waiting=True)["photos"] if story else (),
        initial=StoryForm.initial_for(story) if story else None,
    )


def _saved_message(request: HttpRequest, story) -> None:
    texts = {
        "draft": _("Je verhaal is bewaard als concept. Alleen jij ziet het."),
        "waiting": _(
            "Dank je wel! Het actiecentrum kijkt je verhaal na. Je krijgt een e-mail als het online staat."
        ),
        "published": _("Je verhaal staat online."),
    }
    messages.success(request, texts.get(story.status, _("Je verhaal is bewaard.")))


def _too_many_writes(request: HttpRequest) -> bool:
    if too_many("community.story.write", str(request.user.pk), limit=20, seconds=3600):
        messages.error(request, _("Je hebt veel tegelijk gedaan. Probeer het over een uur nog eens."))
        return True
    return False


def _create(request: HttpRequest, region, form) -> str:
    """The new story's id (sent again: the first one's, core/submissions.py)."""
    story = services.story_create(
        region=region,
        author=request.user,
        data=form.story_data(),
        photos=form.new_photos(),
        submit=request.POST.get("action") != "draft",
    )
    _saved_message(request, story)
    return str(story.pk)


@login_required
def story_create(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    form = _story_form(request, region)
    if request.method == "POST" and form.is_valid() and not _too_many_writes(request):
        try:
            story_pk = once(request, "community.story", lambda: _create(request, region, form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("community:story", int(story_pk))
    return render(request, "community/stories/form.html", {"form": form, "story": None})


@login_required
def story_edit(request: HttpRequest, pk: int) -> HttpResponse:
    region = get_region_or_404(request)
    story = get_story_for_user(request.user, pk, region, write=True)
    form = _story_form(request, region, story)
    if request.method == "POST" and form.is_valid() and not _too_many_writes(request):
        try:
            story = services.story_update(
                story=story,
                actor=request.user,
                data=form.story_data(),
                photos=form.new_photos(),
                remove_photos=form.removed_photos(),
                submit=request.POST.get("action") != "draft",
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _saved_message(request, story)
            return redirect("community:story", story.pk)
    return render(request, "community/stories/form.html", {"form": form, "story": story})


@login_required
def my_stories(request: HttpRequest) -> HttpResponse:
    return render(request, "community/stories/mine.html", {"stories": stories_of(request.user)})


@login_required
@require_POST
def story_delete(request: HttpRequest, pk: int) -> HttpResponse:
    story = get_story_for_user(request.user, pk, get_region_or_404(request))
    if not (story.author_id == request.user.pk or is_moderator(request.user)):
        raise Http404
    services.story_delete(story=story, actor=request.user)
    messages.success(request, _("Het verhaal is verwijderd."))
    return redirect("community:my_stories")


@require_POST
def story_inspire(request: HttpRequest, pk: int) -> HttpResponse:
    """One "dit inspireert me" per account, or per browser (signed cookie); limited per address."""
    story = get_story_for_user(request.user, pk, get_region_or_404(request))
    response = redirect(f"{story.get_absolute_url()}#inspireert")
    browser = "" if request.user.is_authenticated else _browser(request)
    if not request.user.is_authenticated and not browser:
        browser = secrets.token_hex(16)
        response.set_signed_cookie(
            BROWSER_COOKIE,
            browser,
            salt=BROWSER_SALT,
            max_age=BROWSER_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    if too_many("community.inspire", client_ip(request), limit=30, seconds=3600):
        messages.error(
            request, _("Er komen nu heel veel reacties van jouw adres. Probeer het later nog eens.")
        )
        return response
    try:
        services.story_inspire(story=story, user=request.user, browser=browser)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Fijn dat dit verhaal je inspireert! De schrijver ziet het."))
    return response


@login_required
@require_POST
def story_respond(request: HttpRequest, pk: int) -> HttpResponse:
    story = get_story_for_user(request.user, pk, get_region_or_404(request))
    form = ResponseForm(request.POST)
    if too_many("community.respond", str(request.user.pk), limit=10, seconds=600):
        messages.error(
            request, _("Je hebt net veel reacties geplaatst. Probeer het over tien minuten nog eens.")
        )
    elif not form.is_valid():
        messages.error(request, _("Schrijf een reactie van hoogstens 2000 tekens."))
    else:
        try:
            response = services.response_create(
                story=story, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Je reactie staat bij het verhaal."))
            return redirect(f"{story.get_absolute_url()}#reactie-{response.pk}")
    return redirect(f"{story.get_absolute_url()}#reacties")


@login_required
def waiting_photo(request: HttpRequest, pk: int, photo: int) -> FileResponse:
    item = get_waiting_photo_for_user(request.user, pk, photo, get_region_or_404(request))
    try:
        handle = waiting_storage.open(item.pending_photo.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


class StoryFeed(Feed):
    title = gettext_lazy("Verhalen")
    description = gettext_lazy("Nieuwe verhalen over Positieve Gezondheid in de regio.")

    def get_object(self, request, *args, **kwargs):
        region = region_for_request(request)
        if region is None:
            raise Http404
        return region

    def link(self, obj) -> str:
        return "/verhalen/"

    def items(self, obj):
        return feed_stories(obj)

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return Truncator(item.text).words(60)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class StoryAtomFeed(StoryFeed):
    feed_type = Atom1Feed
    subtitle = StoryFeed.description
