"""Verbinden: offers, ambassadors, partners, suggestions for needs and requests, and introductions."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.accounts.models import Role
from veerkracht.core.http import base_url
from veerkracht.network.selectors import partners as partner_selectors
from veerkracht.regions.selectors import get_region_or_404

from ..forms.connect import (
    AmbassadorFilterForm,
    AmbassadorProfileForm,
    AnswerForm,
    ConnectionFilterForm,
    OfferFilterForm,
    OfferForm,
    PartnerFilterForm,
    PartnerPageForm,
    ProposeForm,
)
from ..matching import suggestions_for_need, suggestions_for_request
from ..models import ConnectionStatus
from ..permissions.connect import (
    can_edit_partner,
    get_ambassador_for_user,
    get_connection_for_token,
    get_helper_for_proposal,
    get_need_for_user,
    get_offer_for_user,
    get_partner_for_user,
)
from ..permissions.requests import get_request_for_user, require_staff
from ..selectors import connect as selectors
from ..services import connect as services
from ..vocab import HELP_TYPES

PAGE_SIZE = 20
TARGET = re.compile(r"(offer|ambassador|partner)-[0-9]{1,12}")  # safe inside an HTML id


def _page(request: HttpRequest, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# --- Offers -----------------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    form = OfferFilterForm(request.GET, region=region)
    page = selectors.offers_page(selectors.active_offers(region, **form.filters()), request.GET.get("page"))
    return render(request, "actioncentre/connect/home.html", {"form": form, "page": page})


def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_offer_for_user(request.user, pk)
    return render(request, "actioncentre/connect/offer_detail.html", {"offer": offer})


def _offer_data(form: OfferForm) -> dict:
    data = form.cleaned_data
    return {
        key: data.get(key)
        for key in (
            "help_type",
            "title",
            "description",
            "themes",
            "dimensions",
            "municipality",
            "organisation",
        )
    }


@login_required
def offer_create(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    form = OfferForm(request.POST or None, region=region, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.offer_create(owner=request.user, region=region, **_offer_data(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Dank je wel! Je aanbod staat nu op de website."))
            return redirect("connect:offer", offer.pk)
    return render(request, "actioncentre/connect/offer_form.html", {"form": form, "offer": None})


@login_required
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_offer_for_user(request.user, pk, write=True)
    form = OfferForm(
        request.POST or None, initial=OfferForm.initial_for(offer), region=offer.region, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_update(offer=offer, **_offer_data(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Je aanbod is aangepast."))
            return redirect("connect:my_offers")
    return render(request, "actioncentre/connect/offer_form.html", {"form": form, "offer": offer})


@login_required
@require_POST
def offer_hide(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_offer_for_user(request.user, pk, write=True)
    services.offer_set_active(offer=offer, active=False)
    messages.success(request, _("Je aanbod is verborgen. Niemand anders ziet het nu nog."))
    return redirect("connect:my_offers")


@login_required
@require_POST
def offer_show(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_offer_for_user(request.user, pk, write=True)
    services.offer_set_active(offer=offer, active=True)
    messages.success(request, _("Je aanbod is weer zichtbaar voor iedereen."))
    return redirect("connect:my_offers")


@login_required
def my_offers(request: HttpRequest) -> HttpResponse:
    offers = selectors.offers_of(request.user)
    return render(request, "actioncentre/connect/my_offers.html", {"offers": offers})


# --- Ambassadors ------------------------------------------------------------------------------


def ambassadors(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    form = AmbassadorFilterForm(request.GET, region=region)
    page = _page(request, selectors.public_ambassadors(region, **form.filters()))
    return render(request, "actioncentre/connect/ambassadors.html", {"form": form, "page": page})


def ambassador(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_ambassador_for_user(request.user, pk, get_region_or_404(request))
    profile.help_labels = HELP_TYPES.labels_of(profile.help_types)
    return render(request, "actioncentre/connect/ambassador.html", {"profile": profile})


@login_required
def ambassador_edit(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    if not request.user.has_role(Role.AMBASSADOR):
        raise Http404
    profile = selectors.ambassador_profile_of(request.user)
    initial = AmbassadorProfileForm.initial_for(profile) if profile else None
    form = AmbassadorProfileForm(request.POST or None, initial=initial, region=region, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.ambassador_profile_save(user=request.user, region=region, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Je profiel is opgeslagen."))
            return redirect("connect:ambassador", profile.pk)
    return render(request, "actioncentre/connect/ambassador_form.html", {"form": form, "profile": profile})


# --- Partners ---------------------------------------------------------------------------------


def partners(request: HttpRequest) -> HttpResponse:
    form = PartnerFilterForm(request.GET)
    page = _page(request, selectors.partner_organisations(get_region_or_404(request), **form.filters()))
    return render(request, "actioncentre/connect/partners.html", {"form": form, "page": page})


def partner(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_partner_for_user(request.user, slug, get_region_or_404(request))
    profile = getattr(organisation, "partner_profile", None)
    if profile is not None:
        profile.help_labels = HELP_TYPES.labels_of(profile.help_types)
    context = selectors.partner_page(organisation) | {
        "organisation": organisation,
        "profile": profile,
        "can_edit": can_edit_partner(request.user, organisation),
        "partner_roles": partner_selectors.role_timeline(organisation),
    }
    return render(request, "actioncentre/connect/partner.html", context)


@login_required
def partner_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_partner_for_user(request.user, slug, get_region_or_404(request), write=True)
    form = PartnerPageForm(request.POST or None, initial=PartnerPageForm.initial_for(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_page_update(organisation=organisation, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De pagina van je organisatie is opgeslagen."))
            return redirect("connect:partner", organisation.slug)
    return render(
        request, "actioncentre/connect/partner_form.html", {"form": form, "organisation": organisation}
    )


# --- Suggestions and proposing ----------------------------------------------------------------


def _render_suggestions(request, *, need=None, ask=None, bound: ProposeForm | None = None, status=200):
    suggestions = suggestions_for_need(need) if need is not None else suggestions_for_request(ask)
    for suggestion in suggestions:  # one small form per card, with its own ids
        suggestion.form = ProposeForm(initial={"target": suggestion.key}, auto_id=f"id_{suggestion.key}_%s")
        if bound is not None and bound.data.get("target") == suggestion.key:
            suggestion.form = bound
    connections = selectors.connections_for(need=need, request=ask)
    context = {"need": need, "ask": ask, "suggestions": suggestions, "connections": connections}
    return render(request, "actioncentre/connect/suggestions.html", context, status=status)


@login_required
def suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_suggestions(request, need=get_need_for_user(request.user, pk))


@login_required
def request_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_suggestions(
        request, ask=get_request_for_user(request.user, pk, get_region_or_404(request))
    )


def _propose(request: HttpRequest, *, need=None, ask=None) -> HttpResponse:
    target = request.POST.get("target", "")
    form = ProposeForm(request.POST, auto_id=f"id_{target}_%s" if TARGET.fullmatch(target) else "id_%s")
    if form.is_valid():
        region_id = need.initiative.region_id if need is not None else ask.region_id
        helper = get_helper_for_proposal(region_id, *form.cleaned_data["target"])
        if not helper:
            form.add_error(None, _("Deze persoon of organisatie is niet meer te kiezen."))
        else:
            try:
                services.connection_propose(
                    need=need,
                    request=ask,
                    message=form.cleaned_data["message"],
                    proposed_by=request.user,
                    base_url=base_url(request),
                    **helper,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("Verstuurd. Beide kanten krijgen een e-mail met de vraag of ze willen.")
                )
                if need is not None:
                    return redirect("connect:suggestions", need.pk)
                return redirect("connect:request_suggestions", ask.pk)
    return _render_suggestions(request, need=need, ask=ask, bound=form, status=400)


@login_required
@require_POST
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    return _propose(request, need=get_need_for_user(request.user, pk))


@login_required
@require_POST
def request_propose(request: HttpRequest, pk: int) -> HttpResponse:
    return _propose(request, ask=get_request_for_user(request.user, pk, get_region_or_404(request)))


# --- Answering an introduction (no account needed) --------------------------------------------


def answer(request: HttpRequest, token: str) -> HttpResponse:
    connection = get_connection_for_token(token)
    side = connection.side_for(token)
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Kies ja of nee."))
        else:
            accept = form.cleaned_data["answer"] == "yes"
            try:
                services.connection_answer(token=token, accept=accept)
            except ValidationError as exc:
                messages.info(request, exc.messages[0])
            else:
                messages.success(request, _("Dank je wel. We hebben je antwoord ontvangen."))
        return redirect("connect:answer", token)
    other = "helper" if side == "asker" else "asker"
    accepted = connection.status == ConnectionStatus.ACCEPTED
    context = {
        "connection": connection,
        "side": side,
        "my_answer": getattr(connection, f"{side}_answer"),
        "other_name": getattr(connection, f"{other}_name"),
        # The other side's address reaches the page only once both said yes.
        "other_email": getattr(connection, f"{other}_email") if accepted else "",
        "helps_with": connection.helps_with,
    }
    return render(request, "actioncentre/connect/answer.html", context)


# --- Staff overview ---------------------------------------------------------------------------


@login_required
def connections(request: HttpRequest) -> HttpResponse:
    require_staff(request.user)
    region = get_region_or_404(request)
    form = ConnectionFilterForm(request.GET)
    now = timezone.localtime()
    year_start = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    context = {
        "form": form,
        "page": _page(request, selectors.connections_for_staff(region, **form.filters())),
        "accepted_this_year": selectors.connections_accepted_count(region, year_start, now),
        "year": now.year,
        "open_needs": selectors.open_needs(region),
    }
    return render(request, "actioncentre/connect/connections.html", context)
