"""Requests: the action centre's landing page, the intake, the sender's private page and the triage board."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from veerkracht.core.http import base_url
from veerkracht.core.ratelimit import client_ip, too_many
from veerkracht.core.submissions import once
from veerkracht.core.vocabulary import DIMENSIONS
from veerkracht.regions.selectors import get_region_or_404, municipality_by_code

from ..forms.requests import (
    BULK_CLOSE,
    BULK_ME,
    HONEYPOT_FIELD,
    AssignForm,
    BoardFilterForm,
    BulkForm,
    IntakeForm,
    MessageForm,
    NoteForm,
    SenderInfoForm,
    StatusForm,
)
from ..models import Request, follow_path
from ..permissions.requests import (
    get_request_for_token,
    get_request_for_token_hash,
    get_request_for_user,
    require_staff,
)
from ..selectors import requests as selectors
from ..services import requests as services

PAGE_SIZE = 25
SESSION_FOLLOW_PATH = "actioncentre_follow_path"
# The hash of the private link's secret of the request this browser last opened (follow_link).
SESSION_FOLLOW_REQUEST = "actioncentre_follow_request"
# Abuse limits for the intake (no account needed) and for additions on the private page.
INTAKE_PER_IP = (5, 60 * 60)
INTAKE_PER_EMAIL = (3, 24 * 60 * 60)
ADDITIONS_PER_LINK = (10, 60 * 60)


def _private(response: HttpResponse) -> HttpResponse:
    """A page that shows a request's private contents: no indexing, no caching. Its address holds no
    secret (see follow_link), so the site's referrer policy applies; "no-referrer" would make the
    browser send `Origin: null` with the page's forms, and the CSRF check rightly refuses those."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Public pages -----------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "actioncentre/requests/home.html")


def _intake_initial(request: HttpRequest, region) -> dict:
    """From the account, and from a link that already knows what it is about (the spider web's
    "Uitzicht" sends ?kant=<dimension>&gemeente=<CBS code>)."""
    initial: dict = {}
    user = request.user
    if user.is_authenticated:
        profile = getattr(user, "profile", None)
        initial = {
            "name": profile.display_name if profile is not None else "",
            "email": user.email,
            "municipality": getattr(profile, "municipality_id", None),
        }
    if request.GET.get("kant") in DIMENSIONS.keys:
        initial["dimensions"] = [request.GET["kant"]]
    chosen = municipality_by_code(region, request.GET.get("gemeente", ""))
    if chosen is not None:
        initial["municipality"] = chosen.pk
    return initial


def _intake_limited(request: HttpRequest, email: str) -> str:
    limit, seconds = INTAKE_PER_IP
    if too_many("actioncentre.intake.ip", client_ip(request), limit=limit, seconds=seconds):
        return _(
            "Vanaf deze verbinding is het afgelopen uur al vaak iets ingestuurd. Probeer het later opnieuw."
        )
    limit, seconds = INTAKE_PER_EMAIL
    if too_many("actioncentre.intake.email", email.lower(), limit=limit, seconds=seconds):
        return _(
            "Met dit e-mailadres zijn vandaag al drie berichten ingestuurd. Probeer het morgen opnieuw, "
            "of vul je vorige bericht aan via de link in je e-mail."
        )
    return ""


def _submit(request: HttpRequest, region, form: IntakeForm) -> str:
    """Store the intake; the private follow page's path (sent again: the first one's, core/submissions)."""
    _item, token = services.request_submit(
        region=region,
        sender=request.user if request.user.is_authenticated else None,
        base_url=base_url(request),
        **form.submission(),
    )
    return follow_path(token)


def intake(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    if request.method == "POST" and request.POST.get(HONEYPOT_FIELD):
        return redirect("actioncentre:thanks")  # a bot filled the hidden field: look normal, keep nothing
    data = request.POST if request.method == "POST" else None
    form = IntakeForm(data, region=region, initial=_intake_initial(request, region))
    if request.method == "POST" and form.is_valid():
        limited = _intake_limited(request, form.cleaned_data["email"])
        if limited:
            form.add_error(None, limited)
            return render(request, "actioncentre/requests/intake.html", {"form": form}, status=429)
        try:
            path = once(request, "actioncentre.intake", lambda: _submit(request, region, form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            # Shown once on the thanks page in this browser; afterwards only the e-mail has it.
            request.session[SESSION_FOLLOW_PATH] = path
            return redirect("actioncentre:thanks")
    return render(request, "actioncentre/requests/intake.html", {"form": form})


def thanks(request: HttpRequest) -> HttpResponse:
    path = request.session.pop(SESSION_FOLLOW_PATH, "")
    follow_url = request.build_absolute_uri(path) if path else ""
    response = render(request, "actioncentre/requests/thanks.html", {"follow_url": follow_url})
    return _private(response) if follow_url else response


def follow_link(request: HttpRequest, token: str) -> HttpResponse:
    """The private link from the e-mail. The secret goes into the session and the browser moves on to
    an address without it (as Django's password reset does), so the secret never sits in the address
    bar, the browser history or a Referer header. A form posted here (a page opened before this
    change) is handled as on the page itself."""
    item = get_request_for_token(token)
    request.session[SESSION_FOLLOW_REQUEST] = item.token_hash
    if request.method == "POST":
        return follow(request)
    return _private(redirect("actioncentre:follow_page"))


def follow(request: HttpRequest) -> HttpResponse:
    item = get_request_for_token_hash(request.session.get(SESSION_FOLLOW_REQUEST, ""))
    if item is None:
        response = render(request, "actioncentre/requests/follow_lost.html", status=404)
        return _private(response)
    form = SenderInfoForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        limit, seconds = ADDITIONS_PER_LINK
        if too_many("actioncentre.follow", item.token_hash, limit=limit, seconds=seconds):
            form.add_error(
                None, _("Je hebt het afgelopen uur al vaak iets aangevuld. Probeer het later opnieuw.")
            )
            status = 429
        else:
            try:
                services.request_add_sender_info(
                    request=item, text=form.cleaned_data["text"], base_url=base_url(request)
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Dank je. Je aanvulling staat bij je vraag."))
                return _private(redirect("actioncentre:follow_page"))
    context = {"item": item, "events": selectors.public_timeline(item), "form": form}
    return _private(render(request, "actioncentre/requests/follow.html", context, status=status))


# --- Triage board (staff) ---------------------------------------------------------------------


@login_required
def board(request: HttpRequest) -> HttpResponse:
    require_staff(request.user)
    region = get_region_or_404(request)
    staff = list(selectors.staff_members())
    # Own ids: the bulk form on the same page has fields with the same names.
    form = BoardFilterForm(request.GET or None, region=region, staff=staff, auto_id="filter_%s")
    filters: dict = {}
    if form.is_bound:
        form.is_valid()  # an invalid value is left out of cleaned_data: it simply does not filter
        filters = form.cleaned_data
    queryset = selectors.requests_for_board(region, filters, user=request.user)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("pagina"))
    rows = list(page.object_list)
    today = timezone.localdate()
    for row in rows:
        row.stale = selectors.is_stale(row, today)
        row.working_days = selectors.working_days_between(timezone.localtime(row.created_at).date(), today)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "bulk_form": BulkForm(staff=staff, initial={"query": request.GET.urlencode()}),
        "stale_count": selectors.stale_count(region),
        "stale_after": selectors.STALE_AFTER_WORKING_DAYS,
    }
    return render(request, "actioncentre/requests/board.html", context)


def _board_url(query: str) -> str:
    # Re-encode the filters instead of echoing the posted text: the redirect stays on the board.
    params = QueryDict(query or "")
    url = reverse("actioncentre:board")
    return f"{url}?{urlencode(list(params.lists()), doseq=True)}" if params else url


@login_required
@require_POST
def board_bulk(request: HttpRequest) -> HttpResponse:
    require_staff(request.user)
    region = get_region_or_404(request)
    staff = list(selectors.staff_members())
    form = BulkForm(request.POST, staff=staff)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(_board_url(request.POST.get("query", "")))
    data = form.cleaned_data
    try:
        if data["action"] == BULK_CLOSE:
            count = services.requests_bulk_close(
                region=region, pks=data["ids"], reason=data["reason"], actor=request.user
            )
            done = ngettext("%(count)s vraag is afgesloten.", "%(count)s vragen zijn afgesloten.", count)
        else:
            assignee = request.user if data["action"] == BULK_ME else _staff_by_pk(staff, data["assignee"])
            count = services.requests_bulk_assign(
                region=region, pks=data["ids"], assignee=assignee, actor=request.user
            )
            done = ngettext("%(count)s vraag is toegewezen.", "%(count)s vragen zijn toegewezen.", count)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done % {"count": count})
    return redirect(_board_url(data.get("query", "")))


def _staff_by_pk(staff, pk: str):
    return next((user for user in staff if str(user.pk) == str(pk)), None) if pk else None


def _detail_forms(item: Request, staff, bound: dict) -> dict:
    return {
        "status_form": bound.get("status") or StatusForm(current=item.status, prefix="status"),
        "assign_form": bound.get("assign")
        or AssignForm(staff=staff, prefix="assign", initial={"assignee": item.assignee_id or ""}),
        "note_form": bound.get("note") or NoteForm(prefix="note"),
        "message_form": bound.get("message") or MessageForm(prefix="message"),
    }


def _render_detail(request: HttpRequest, item: Request, staff=None, bound=None, status: int = 200):
    staff = list(selectors.staff_members()) if staff is None else staff
    today = timezone.localdate()
    context = {
        "item": item,
        "events": selectors.staff_timeline(item),
        "stale": selectors.is_stale(item, today),
        "working_days": selectors.working_days_between(timezone.localtime(item.created_at).date(), today),
        "stale_after": selectors.STALE_AFTER_WORKING_DAYS,
        **_detail_forms(item, staff, bound or {}),
    }
    return render(request, "actioncentre/requests/detail.html", context, status=status)


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_request_for_user(request.user, pk, get_region_or_404(request))
    return _render_detail(request, item)


def _detail_action(
    request: HttpRequest, pk: int, make_form: Callable, act: Callable, done: str
) -> HttpResponse:
    """Shared POST handling of the detail page's forms: valid → service → redirect; else the page again."""
    item = get_request_for_user(request.user, pk, get_region_or_404(request), write=True)
    staff = list(selectors.staff_members())
    form = make_form(item, staff)
    if form.is_valid():
        try:
            act(item, form.cleaned_data, staff)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, done)
            return redirect("actioncentre:request", item.pk)
    return _render_detail(request, item, staff, bound={form.prefix: form})


@login_required
@require_POST
def request_status(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_action(
        request,
        pk,
        lambda item, staff: StatusForm(request.POST, current=item.status, prefix="status"),
        lambda item, data, staff: services.request_change_status(
            request=item, to_status=data["to_status"], actor=request.user, reason=data["reason"]
        ),
        _("De status is veranderd."),
    )


@login_required
@require_POST
def request_assign(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_action(
        request,
        pk,
        lambda item, staff: AssignForm(request.POST, staff=staff, prefix="assign"),
        lambda item, data, staff: services.request_assign(
            request=item, assignee=_staff_by_pk(staff, data["assignee"]), actor=request.user
        ),
        _("Opgeslagen wie deze vraag oppakt."),
    )


@login_required
@require_POST
def request_note(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_action(
        request,
        pk,
        lambda item, staff: NoteForm(request.POST, prefix="note"),
        lambda item, data, staff: services.request_add_note(
            request=item, author=request.user, text=data["text"]
        ),
        _("Je notitie is opgeslagen. Alleen het actiecentrum ziet hem."),
    )


@login_required
@require_POST
def request_message(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_action(
        request,
        pk,
        lambda item, staff: MessageForm(request.POST, prefix="message"),
        lambda item, data, staff: services.request_message_sender(
            request=item, author=request.user, text=data["text"], base_url=base_url(request)
        ),
        _("Je bericht is verstuurd. De indiener krijgt een e-mail met een nieuwe link."),
    )
