"""The knowledge library: the list with filters (items and lessons of initiatives), an item's page and
its file, adding and changing (staff, partner admins), staff's approval queue and hiding."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from veerkracht.core.ratelimit import too_many
from veerkracht.regions.selectors import get_region_or_404

from ..forms.library import FilterForm, LibraryItemForm, ReviewForm
from ..forms.news import HideForm
from ..permissions.library import (
    can_contribute,
    contributor_organisations,
    get_library_item_for_user,
    may_edit_item,
)
from ..selectors.library import library_page, own_library_items, pending_library_items
from ..services import library as services
from ..services import moderation

PER_PAGE = 12


def library_list(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    form = FilterForm(request.GET or None)
    filters = form.filters()
    context = {
        "form": form,
        "page": library_page(region, filters, request.GET.get("page"), per_page=PER_PAGE),
        "filtered": any(filters.values()),
        "can_write": can_contribute(request.user, region),
        "is_staff": moderation.is_moderator(request.user),
    }
    return render(request, "community/library/list.html", context)


def library_detail(request: HttpRequest, pk: int) -> HttpResponse:
    region = get_region_or_404(request)
    item = get_library_item_for_user(request.user, pk, region)
    is_staff = moderation.is_moderator(request.user)
    context = {
        "item": item,
        "can_edit": may_edit_item(request.user, item),
        "is_staff": is_staff,
        "hide_form": HideForm(),
        "review_form": ReviewForm() if is_staff and item.review == "pending" else None,
    }
    response = render(request, "community/library/detail.html", context)
    if not item.is_public:
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def library_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The item's file, only for who may see the item; always a download with our own type and name,
    so a browser never runs it as a page of this site."""
    item = get_library_item_for_user(request.user, pk, get_region_or_404(request))
    if not item.file:
        raise Http404
    try:
        handle = item.file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=item.file_name, content_type=services.content_type_of(item)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=0" if not item.is_public else "public, max-age=3600"
    return response


def _form_for(request: HttpRequest, region, item=None) -> LibraryItemForm:
    return LibraryItemForm(
        request.POST or None,
        request.FILES or None,
        organisations=contributor_organisations(request.user, region),
        staff=moderation.is_moderator(request.user),
        item=item,
    )


def _save(request: HttpRequest, form: LibraryItemForm, region, item=None):
    if too_many("community.library.write", str(request.user.pk), limit=30, seconds=3600):
        form.add_error(None, _("Je hebt veel achter elkaar opgeslagen. Probeer het over een uur opnieuw."))
        return None
    try:
        if item is None:
            return services.library_item_create(region=region, actor=request.user, data=form.to_input())
        return services.library_item_update(item=item, actor=request.user, data=form.to_input())
    except ValidationError as exc:
        form.add_error(None, exc.messages)
    except PermissionDenied as exc:
        raise Http404 from exc
    return None


def _saved_message(request: HttpRequest, item) -> None:
    if item.review == "public":
        messages.success(request, _("Opgeslagen. Het staat in de kennisbank."))
    else:
        messages.success(
            request, _("Opgeslagen. Het actiecentrum kijkt ernaar; daarna staat het in de kennisbank.")
        )


@login_required
def library_create(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    if not can_contribute(request.user, region):
        raise Http404
    form = _form_for(request, region)
    if request.method == "POST" and form.is_valid():
        item = _save(request, form, region)
        if item is not None:
            _saved_message(request, item)
            return redirect("community:library_item", item.pk)
    return render(request, "community/library/form.html", {"form": form, "item": None})


@login_required
def library_edit(request: HttpRequest, pk: int) -> HttpResponse:
    region = get_region_or_404(request)
    item = get_library_item_for_user(request.user, pk, region, write=True)
    form = _form_for(request, region, item)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, region, item)
        if saved is not None:
            _saved_message(request, saved)
            return redirect("community:library_item", item.pk)
    return render(request, "community/library/form.html", {"form": form, "item": item})


@login_required
def library_mine(request: HttpRequest) -> HttpResponse:
    """Staff: the approval queue. Partner admins: their organisations' items and how they stand."""
    region = get_region_or_404(request)
    if not can_contribute(request.user, region):
        raise Http404
    is_staff = moderation.is_moderator(request.user)
    organisation_ids = [o.pk for o in contributor_organisations(request.user, region)]
    context = {
        "pending": list(pending_library_items(region)[:100]) if is_staff else [],
        "own": list(own_library_items(region, organisation_ids)[:100]),
        "is_staff": is_staff,
    }
    return render(request, "community/library/mine.html", context)


@login_required
@require_POST
def library_review(request: HttpRequest, pk: int) -> HttpResponse:
    if not moderation.is_moderator(request.user):
        raise Http404
    item = get_library_item_for_user(request.user, pk, get_region_or_404(request))
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("community:library_item", item.pk)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.library_item_review(
            item=item, actor=request.user, approve=approve, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Geplaatst.") if approve else _("Niet geplaatst; de organisatie ziet waarom.")
        )
    return redirect("community:library_item", item.pk)


@login_required
@require_POST
def library_hide(request: HttpRequest, pk: int) -> HttpResponse:
    if not moderation.is_moderator(request.user):
        raise Http404
    item = get_library_item_for_user(request.user, pk, get_region_or_404(request))
    try:
        if item.is_hidden:
            moderation.content_restore(obj=item, actor=request.user)
            messages.success(request, _("Het is weer te zien."))
        else:
            form = HideForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            moderation.content_hide(obj=item, actor=request.user, reason=reason)
            messages.success(request, _("Het is verborgen."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("community:library_item", item.pk)
