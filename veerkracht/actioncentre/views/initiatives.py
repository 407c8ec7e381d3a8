"""Initiatives (proeftuinen): the public list with its map, the detail page, managing, approving."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from veerkracht.accounts.permissions import is_actioncentre_staff
from veerkracht.accounts.selectors import organisations_of_region
from veerkracht.community.selectors.stories import stories_for_initiative
from veerkracht.core.pagecache import anonymous_page
from veerkracht.core.ratelimit import too_many
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.selectors import get_region_or_404, municipalities_for_region

from .. import presenters
from ..forms.initiatives import FilterForm, InitiativeForm, NeedForm, PartnersForm, PhaseForm, UpdateForm
from ..models import FollowKind, Initiative
from ..permissions.connect import can_see_suggestions
from ..permissions.initiatives import (
    get_follow_for_token,
    get_initiative_for_review,
    get_initiative_for_user,
    get_need_of,
    organisations_for_owner,
)
from ..permissions.requests import get_request_for_user, require_staff
from ..selectors.initiatives import (
    follow_of,
    initiative_counts_by_municipality,
    initiatives_page,
    initiatives_version,
    needs_of,
    open_needs_of,
    partner_ids_of,
    partners_of,
    pending_initiatives,
    phase_history,
    updates_of,
)
from ..selectors.moderation import pending_revisions, pending_updates, revision_notice
from ..selectors.partnerships import partner_links_of
from ..services import initiatives as services
from ..services import partnerships as partnership_services

PER_PAGE = 12  # a phone screen shows a few cards at a time; a long page costs scrolling and server time
CREATE_LIMIT_PER_DAY = 10


# --- Public pages -----------------------------------------------------------------------------


def _public_version(request: HttpRequest, *args, **kwargs) -> tuple[str, ...]:
    return initiatives_version(request.region)


@anonymous_page(_public_version)
def initiative_list(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    municipalities = list(municipalities_for_region(region))
    subregions = sorted({m.subregion for m in municipalities if m.subregion}, key=lambda s: s.name)
    form = FilterForm(request.GET or None, municipalities=municipalities, subregions=subregions)
    filters = form.filters()
    counts = initiative_counts_by_municipality(region, filters)
    # The map's counts already hold the list's total: no second COUNT over the whole table.
    code = filters.get("municipality")
    by_code = {m.code: counts.get(m.pk, 0) for m in municipalities}
    total = by_code.get(code, 0) if code else sum(counts.values())
    context = {
        "form": form,
        "page": initiatives_page(region, filters, request.GET.get("page"), total=total, per_page=PER_PAGE),
        "filtered": any(filters.values()),
        **presenters.map_context(request.GET, region, municipalities, by_code),
    }
    return render(request, "actioncentre/initiatives/list.html", context)


@anonymous_page(_public_version)
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request))
    history = phase_history(initiative)
    manages = initiative.can_manage
    context = {
        "initiative": initiative,
        "steps": presenters.phase_steps(initiative, history),
        "history": history,
        "needs": open_needs_of(initiative),
        "partners": partners_of(initiative),
        "updates": Paginator(updates_of(initiative, with_waiting=manages), PER_PAGE).get_page(
            request.GET.get("page")
        ),
        "revision": revision_notice(initiative) if manages else None,
        "partner_links": partner_links_of(initiative) if manages else [],
        "follow": follow_of(request.user, initiative),
        "is_staff": is_actioncentre_staff(request.user),
        "can_suggest": can_see_suggestions(request.user, initiative),
        "login_url": f"{reverse('account_login')}?next={request.path}",
        "linked_stories": stories_for_initiative(initiative),
    }
    return render(request, "actioncentre/initiatives/detail.html", context)


@login_required
@require_POST
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request))
    kind = request.POST.get("kind", FollowKind.FOLLOW)
    try:
        services.initiative_follow(initiative=initiative, user=request.user, kind=kind)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if kind == FollowKind.SUPPORT:
            messages.success(
                request, _("Bedankt voor je steun! Je krijgt het nieuws van dit initiatief per e-mail.")
            )
        else:
            messages.success(request, _("Je volgt dit initiatief. Je krijgt het nieuws per e-mail."))
    return redirect("initiatives:detail", initiative.slug)


@login_required
@require_POST
def unfollow(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request))
    if services.initiative_unfollow(initiative=initiative, user=request.user):
        messages.success(
            request, _("Je volgt dit initiatief niet meer. Je krijgt er geen e-mails meer over.")
        )
    return redirect("initiatives:detail", initiative.slug)


@csrf_exempt  # the one-click POST from a mail client (RFC 8058) has no CSRF token; the token is the secret
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = get_follow_for_token(token)
    if request.method == "POST":
        services.follow_stop_emails(follow=found)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("Je bent afgemeld."), content_type="text/plain; charset=utf-8")
        messages.success(request, _("Gelukt. Je krijgt geen e-mails meer over dit initiatief."))
        return redirect("initiatives:unsubscribe", token)
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    context = {"follow": found, "initiative": found.initiative}
    return render(request, "actioncentre/initiatives/unsubscribe.html", context)


# --- Managing ---------------------------------------------------------------------------------


def _initial_from_request(idea) -> dict:
    if idea is None:
        return {}
    return {
        "title": idea.title,
        "description": idea.description,
        "municipality": idea.municipality_id,
        "themes": THEMES.keys_of(idea.themes),
        "dimensions": DIMENSIONS.keys_of(idea.dimensions),
    }


@login_required
def initiative_create(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    idea = (
        get_request_for_user(request.user, request.GET["vraag"], region) if "vraag" in request.GET else None
    )
    if idea is not None and idea.initiative_id:
        messages.info(request, _("Van deze vraag is al een initiatief gemaakt."))
        return redirect("initiatives:detail", idea.initiative.slug)
    form = InitiativeForm(
        request.POST if request.method == "POST" else None,
        initial=_initial_from_request(idea),
        municipalities=municipalities_for_region(region),
        organisations=organisations_for_owner(request.user, region),
    )
    if request.method == "POST" and form.is_valid():
        try:
            initiative = _create(request, region, form.cleaned_data, idea)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("initiatives:detail", initiative.slug)
    return render(request, "actioncentre/initiatives/form.html", {"form": form, "idea": idea})


def _create(request: HttpRequest, region, data: dict, idea) -> Initiative:
    if not is_actioncentre_staff(request.user) and too_many(
        "initiative_create", str(request.user.pk), limit=CREATE_LIMIT_PER_DAY, seconds=24 * 3600
    ):
        raise ValidationError(_("Je hebt vandaag al veel initiatieven aangemeld. Probeer het morgen weer."))
    # From an idea, the person who sent it looks after the initiative (if they have an account).
    owner = (idea.sender if idea is not None and idea.sender_id else None) or request.user
    initiative = services.initiative_create(
        region=region,
        owner=owner,
        created_by=request.user,
        from_request=idea,
        **{k: data.get(k) for k in ("title", "summary", "description", "municipality", "who")},
        organisation=data.get("organisation"),
        themes=data["themes"],
        dimensions=data["dimensions"],
    )
    if initiative.is_public:
        messages.success(request, _("Het initiatief staat op de website."))
    else:
        messages.success(
            request,
            _("Bedankt! Het actiecentrum kijkt er even naar. Daarna staat je initiatief op de website."),
        )
    return initiative


@login_required
def initiative_edit(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_region_or_404(request)
    initiative = get_initiative_for_user(request.user, slug, region, write=True)
    waiting = revision_notice(initiative)
    # The author continues with the texts that wait; staff start from what is on the website.
    draft = waiting if waiting and waiting.is_pending and _moderated(request, initiative) else None
    form = InitiativeForm(
        request.POST if request.method == "POST" else None,
        initial=InitiativeForm.initial_from(initiative, draft),
        municipalities=municipalities_for_region(region),
        organisations=organisations_for_owner(request.user, region, initiative),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            initiative = services.initiative_update_details(
                initiative=initiative,
                actor=request.user,
                **{k: data.get(k) for k in ("title", "summary", "description", "municipality", "who")},
                organisation=data.get("organisation")
                if "organisation" in form.fields
                else initiative.organisation,
                themes=data["themes"],
                dimensions=data["dimensions"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _say_saved(request, initiative)
            return redirect("initiatives:detail", initiative.slug)
    context = {
        "form": form,
        "initiative": initiative,
        "revision": waiting,
        "moderated": _moderated(request, initiative),
    }
    return render(request, "actioncentre/initiatives/form.html", context)


def _moderated(request: HttpRequest, initiative: Initiative) -> bool:
    """Do new texts from this person wait for approval (a public initiative, not staff)?"""
    return initiative.is_public and not is_actioncentre_staff(request.user)


def _say_saved(request: HttpRequest, initiative: Initiative) -> None:
    if initiative.waiting_revision is not None:
        messages.success(
            request,
            _(
                "Je wijziging wacht op goedkeuring van het actiecentrum. "
                "Tot die tijd blijft de oude tekst op de website staan."
            ),
        )
    else:
        messages.success(request, _("De wijzigingen zijn opgeslagen."))


@login_required
def initiative_phase(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request), write=True)
    form = PhaseForm(request.POST if request.method == "POST" else None, current=initiative.phase)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.initiative_change_phase(
                initiative=initiative,
                to_phase=data["to_phase"],
                actor=request.user,
                reason=data["reason"],
                lesson=data["lesson"],
                what_worked=data["what_worked"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De fase is veranderd."))
            return redirect("initiatives:detail", initiative.slug)
    return render(request, "actioncentre/initiatives/phase.html", {"form": form, "initiative": initiative})


@login_required
def post_update(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request), write=True)
    form = (
        UpdateForm(request.POST or None, request.FILES or None) if request.method == "POST" else UpdateForm()
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update = services.initiative_update_post(
                initiative=initiative,
                author=request.user,
                text=data["text"],
                photo=data["photo"],
                photo_alt=data["photo_alt"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if update.is_public and initiative.is_public:
                messages.success(request, _("Je bericht staat op de pagina. Volgers krijgen het per e-mail."))
            elif update.is_public:
                messages.success(
                    request, _("Je bericht is opgeslagen. Het is te zien zodra het initiatief online staat.")
                )
            else:
                messages.success(
                    request,
                    _("Je bericht wacht op goedkeuring van het actiecentrum. Daarna staat het op de pagina."),
                )
            return redirect("initiatives:detail", initiative.slug)
    context = {"form": form, "initiative": initiative, "waits": not is_actioncentre_staff(request.user)}
    return render(request, "actioncentre/initiatives/update_form.html", context)


@login_required
def needs(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request), write=True)
    form = NeedForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.need_add(initiative=initiative, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Toegevoegd. Het actiecentrum zoekt mee naar wie kan helpen."))
            return redirect("initiatives:needs", initiative.slug)
    context = {"form": form, "initiative": initiative, "all_needs": needs_of(initiative)}
    return render(request, "actioncentre/initiatives/needs.html", context)


@login_required
@require_POST
def need_close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request), write=True)
    services.need_close(need=get_need_of(initiative, pk), actor=request.user)
    messages.success(request, _("Gelukt. Dit staat niet meer bij wat jullie nodig hebben."))
    return redirect("initiatives:needs", initiative.slug)


@login_required
def partners(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_region_or_404(request)
    initiative = get_initiative_for_user(request.user, slug, region, write=True)
    form = PartnersForm(
        request.POST if request.method == "POST" else None,
        initial={"partners": partner_ids_of(initiative)},
        organisations=organisations_of_region(region),
    )
    if request.method == "POST" and form.is_valid():
        try:
            partnership_services.initiative_set_partners(
                initiative=initiative, organisations=form.cleaned_data["partners"], actor=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Opgeslagen. Een organisatie staat bij het initiatief zodra een beheerder ervan ja zegt."),
            )
            return redirect("initiatives:partners", initiative.slug)
    context = {"form": form, "initiative": initiative, "links": partner_links_of(initiative)}
    return render(request, "actioncentre/initiatives/partners.html", context)


# --- Approving (staff) ------------------------------------------------------------------------


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    require_staff(request.user)
    context = {
        "pending": list(pending_initiatives(region)[:100]),
        "revisions": list(pending_revisions(region)[:100]),
        "news": list(pending_updates(region)[:100]),
    }
    return render(request, "actioncentre/initiatives/review.html", context)


@login_required
@require_POST
def review_decide(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_review(request.user, pk, get_region_or_404(request))
    if request.POST.get("decision") not in {"approve", "reject"}:
        raise Http404
    approve = request.POST["decision"] == "approve"
    services.initiative_review(initiative=initiative, approve=approve, actor=request.user)
    if approve:
        messages.success(request, _("“%(title)s” staat nu op de website.") % {"title": initiative.title})
    else:
        messages.success(request, _("“%(title)s” wordt niet geplaatst.") % {"title": initiative.title})
    if request.POST.get("next") == "detail":
        return redirect("initiatives:detail", initiative.slug)
    return redirect("initiatives:review")
