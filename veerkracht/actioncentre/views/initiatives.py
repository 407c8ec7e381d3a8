"""Initiatives (proeftuinen): the public list with its map, the detail page, managing, approving."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from veerkracht.accounts.models import Organisation
from veerkracht.core.ratelimit import too_many
from veerkracht.regions.selectors import municipalities_for_region, region_for_request

from .. import map_svg
from ..forms_initiatives import FilterForm, InitiativeForm, NeedForm, PartnersForm, PhaseForm, UpdateForm
from ..models import FollowKind, Initiative, Phase
from ..permissions_initiatives import (
    get_initiative_for_user,
    get_need_of,
    get_request_for_staff,
    is_staff,
)
from ..selectors_initiatives import (
    follow_of,
    initiative_counts_by_municipality,
    initiatives_for_list,
    pending_initiatives,
)
from ..services import initiatives as services
from ..vocab import DIMENSIONS, THEMES

PER_PAGE = 12  # a phone screen shows a few cards at a time; a long page costs scrolling and server time
CREATE_LIMIT_PER_DAY = 10


def _region(request: HttpRequest):
    region = region_for_request(request)
    if region is None:
        raise Http404
    return region


# --- Public pages -----------------------------------------------------------------------------


class KnownCountPaginator(Paginator):
    """A paginator told its count up front (computed together with the map's counts)."""

    def __init__(self, object_list, per_page, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # fills the cached_property


def initiative_list(request: HttpRequest) -> HttpResponse:
    region = _region(request)
    municipalities = list(municipalities_for_region(region))
    subregions = sorted({m.subregion for m in municipalities if m.subregion}, key=lambda s: s.name)
    form = FilterForm(request.GET or None, municipalities=municipalities, subregions=subregions)
    filters = form.filters()
    counts = initiative_counts_by_municipality(region, filters)
    # The map's counts already hold the list's total: no second COUNT over the whole table.
    code = filters.get("municipality")
    by_code = {m.code: counts.get(m.pk, 0) for m in municipalities}
    total = by_code.get(code, 0) if code else sum(counts.values())
    paginator = KnownCountPaginator(initiatives_for_list(region, filters), PER_PAGE, count=total)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "filtered": any(filters.values()),
        **_map_context(request, region, municipalities, by_code),
    }
    return render(request, "actioncentre/initiatives/list.html", context)


def _map_context(request: HttpRequest, region, municipalities, counts: dict[str, int]) -> dict:
    base = request.GET.copy()
    for key in ("gemeente", "page"):
        base.pop(key, None)

    # One link per municipality, built once (the map and the table share them).
    prefix = f"{reverse('initiatives:list')}?{base.urlencode()}{'&' if base else ''}gemeente="
    links = {m.code: prefix + quote(m.code) for m in municipalities}
    url_for = links.__getitem__

    pairs = [(m.code, m.name) for m in municipalities]
    shapes = map_svg.region_shapes(tuple(sorted(counts)))
    svg = map_svg.choropleth_svg(
        shapes=shapes,
        municipalities=pairs,
        counts=counts,
        url_for=url_for,
        title=_("Kaart van %(region)s: aantal initiatieven per gemeente") % {"region": region.name},
    )
    rows = [{"name": name, "count": counts[code], "url": url_for(code)} for code, name in pairs]
    return {
        "map_svg": svg,
        "map_rows": rows,
        "map_total": sum(counts.values()),
        "map_legend": map_svg.legend(max(counts.values(), default=0)),
        "map_attribution": map_svg.ATTRIBUTION,
    }


def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, _region(request))
    history = list(initiative.phase_changes.select_related("changed_by__profile"))
    updates = Paginator(initiative.updates.select_related("author__profile"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "initiative": initiative,
        "steps": _phase_steps(initiative, history),
        "history": history,
        "needs": list(initiative.needs.filter(is_open=True)),
        "partners": list(initiative.partners.order_by("name")),
        "updates": updates,
        "follow": follow_of(request.user, initiative),
        "is_staff": is_staff(request.user),
        "login_url": f"{reverse('account_login')}?next={request.path}",
    }
    return render(request, "actioncentre/initiatives/detail.html", context)


def _phase_steps(initiative: Initiative, history) -> list[dict]:
    """inspire → connect → accelerate, each done, current or still to come. A stopped initiative shows
    how far it got (the phase it stopped from)."""
    order = [Phase.INSPIRE, Phase.CONNECT, Phase.ACCELERATE]
    reached = initiative.phase
    if reached == Phase.STOPPED:
        stops = [c for c in history if c.to_phase == Phase.STOPPED]
        reached = stops[-1].from_phase if stops and stops[-1].from_phase in order else Phase.INSPIRE
    index = order.index(reached)
    current = initiative.phase != Phase.STOPPED
    return [
        {
            "label": phase.label,
            "number": i + 1,
            "state": "done"
            if i < index or (i == index and not current)
            else "current"
            if i == index
            else "todo",
        }
        for i, phase in enumerate(order)
    ]


@login_required
@require_POST
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, _region(request))
    kind = request.POST.get("kind", FollowKind.FOLLOW)
    try:
        services.follow(initiative=initiative, user=request.user, kind=kind)
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
    initiative = get_initiative_for_user(request.user, slug, _region(request))
    if services.unfollow(initiative=initiative, user=request.user):
        messages.success(
            request, _("Je volgt dit initiatief niet meer. Je krijgt er geen e-mails meer over.")
        )
    return redirect("initiatives:detail", initiative.slug)


@csrf_exempt  # the one-click POST from a mail client (RFC 8058) has no CSRF token; the token is the secret
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = services.follow_for_token(token)
    if found is None:
        raise Http404
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


def _organisations_for(user, region, initiative: Initiative | None = None):
    """Organisations someone may name as the owner: their own (staff: any in the region)."""
    qs = Organisation.objects.filter(region=region).order_by("name")
    if is_staff(user):
        return qs
    allowed = Q(memberships__user=user)
    if initiative is not None and initiative.organisation_id:
        allowed |= Q(pk=initiative.organisation_id)
    return qs.filter(allowed).distinct()


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
    region = _region(request)
    idea = (
        get_request_for_staff(request.user, request.GET["vraag"], region) if "vraag" in request.GET else None
    )
    if idea is not None and idea.initiative_id:
        messages.info(request, _("Van deze vraag is al een initiatief gemaakt."))
        return redirect("initiatives:detail", idea.initiative.slug)
    form = InitiativeForm(
        request.POST if request.method == "POST" else None,
        initial=_initial_from_request(idea),
        municipalities=municipalities_for_region(region),
        organisations=_organisations_for(request.user, region),
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
    if not is_staff(request.user) and too_many(
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
    region = _region(request)
    initiative = get_initiative_for_user(request.user, slug, region, write=True)
    form = InitiativeForm(
        request.POST if request.method == "POST" else None,
        initial=InitiativeForm.initial_from(initiative),
        municipalities=municipalities_for_region(region),
        organisations=_organisations_for(request.user, region, initiative),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.initiative_update_details(
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
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("initiatives:detail", initiative.slug)
    return render(request, "actioncentre/initiatives/form.html", {"form": form, "initiative": initiative})


@login_required
def initiative_phase(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, _region(request), write=True)
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
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De fase is veranderd."))
            return redirect("initiatives:detail", initiative.slug)
    return render(request, "actioncentre/initiatives/phase.html", {"form": form, "initiative": initiative})


@login_required
def post_update(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, _region(request), write=True)
    form = (
        UpdateForm(request.POST or None, request.FILES or None) if request.method == "POST" else UpdateForm()
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_post(
                initiative=initiative,
                author=request.user,
                text=data["text"],
                photo=data["photo"],
                photo_alt=data["photo_alt"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if initiative.is_public:
                messages.success(request, _("Je bericht staat op de pagina. Volgers krijgen het per e-mail."))
            else:
                messages.success(
                    request, _("Je bericht is opgeslagen. Het is te zien zodra het initiatief online staat.")
                )
            return redirect("initiatives:detail", initiative.slug)
    return render(
        request, "actioncentre/initiatives/update_form.html", {"form": form, "initiative": initiative}
    )


@login_required
def needs(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, _region(request), write=True)
    form = NeedForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.need_add(initiative=initiative, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Toegevoegd. Het actiecentrum zoekt mee naar wie kan helpen."))
            return redirect("initiatives:needs", initiative.slug)
    context = {"form": form, "initiative": initiative, "all_needs": list(initiative.needs.all())}
    return render(request, "actioncentre/initiatives/needs.html", context)


@login_required
@require_POST
def need_close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, _region(request), write=True)
    services.need_close(need=get_need_of(initiative, pk), actor=request.user)
    messages.success(request, _("Gelukt. Dit staat niet meer bij wat jullie nodig hebben."))
    return redirect("initiatives:needs", initiative.slug)


@login_required
def partners(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request)
    initiative = get_initiative_for_user(request.user, slug, region, write=True)
    form = PartnersForm(
        request.POST if request.method == "POST" else None,
        initial={"partners": list(initiative.partners.values_list("pk", flat=True))},
        organisations=Organisation.objects.filter(region=region).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_set_partners(
                initiative=initiative, organisations=form.cleaned_data["partners"], actor=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De partners zijn opgeslagen."))
            return redirect("initiatives:detail", initiative.slug)
    return render(request, "actioncentre/initiatives/partners.html", {"form": form, "initiative": initiative})


# --- Approving (staff) ------------------------------------------------------------------------


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    region = _region(request)
    if not is_staff(request.user):
        raise Http404
    pending = list(pending_initiatives(region)[:100])
    return render(request, "actioncentre/initiatives/review.html", {"pending": pending})


@login_required
@require_POST
def review_decide(request: HttpRequest, pk: int) -> HttpResponse:
    region = _region(request)
    if not is_staff(request.user):
        raise Http404
    initiative = Initiative.objects.filter(pk=pk, region=region).first()
    if initiative is None or request.POST.get("decision") not in {"approve", "reject"}:
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
