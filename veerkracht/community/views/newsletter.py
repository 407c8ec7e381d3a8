"""The newsletter's pages: subscribe (no account), confirm, change or end a subscription through the
private link (also RFC 8058 one-click: a POST without CSRF token), the public archive, and the editor's
pages (staff): drafts, reorder and remove items, introduction, mail preview, test and send."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from veerkracht.core.ratelimit import client_ip, too_many
from veerkracht.regions.selectors import get_region_or_404

from ..forms.newsletter import HONEYPOT_FIELD, ChoicesForm, IntroductionForm, IssueCreateForm, SubscribeForm
from ..permissions.newsletter import (
    get_issue_for_user,
    get_item_for_user,
    get_subscriber_for_token,
    require_editor,
)
from ..presenters.newsletter import grouped, issue_title, render_mail
from ..selectors import newsletter as selectors
from ..services import newsletter as services
from ..services.moderation import is_moderator
from ..tokens import CONFIRM, MANAGE, UNSUBSCRIBE

SUBSCRIBE_PER_IP = (10, 60 * 60)
SUBSCRIBE_PER_ADDRESS = (3, 60 * 60)


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def _limited(request: HttpRequest, email: str) -> bool:
    per_ip = too_many(
        "community.newsletter.ip", client_ip(request), limit=SUBSCRIBE_PER_IP[0], seconds=SUBSCRIBE_PER_IP[1]
    )
    per_address = too_many(
        "community.newsletter.email",
        email.lower(),
        limit=SUBSCRIBE_PER_ADDRESS[0],
        seconds=SUBSCRIBE_PER_ADDRESS[1],
    )
    return per_ip or per_address


def subscribe(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    initial = {"email": request.user.email} if request.user.is_authenticated else {}
    form = SubscribeForm(request.POST or None, subregions=selectors.subregions_of(region), initial=initial)
    if request.method == "POST" and request.POST.get(HONEYPOT_FIELD):
        return redirect("community:newsletter_sent")  # a bot filled the hidden field: keep nothing
    status = 200
    if request.method == "POST" and form.is_valid():
        if not _limited(request, form.cleaned_data["email"]):
            services.subscriber_subscribe(
                region=region,
                email=form.cleaned_data["email"],
                subregions=form.cleaned_data["subregions"],
                themes=form.theme_mask,
            )
            return redirect("community:newsletter_sent")
        form.add_error(
            None, _("Er zijn vanaf hier net veel aanmeldingen gedaan. Probeer het over een uur opnieuw.")
        )
        status = 429
    return render(request, "community/newsletter/subscribe.html", {"form": form}, status=status)


def subscribe_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "community/newsletter/sent.html")


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners open links); the POST confirms."""
    subscriber = get_subscriber_for_token(token, CONFIRM)
    if request.method == "POST":
        services.subscriber_confirm(subscriber=subscriber)
        messages.success(request, _("Gelukt! Je bent aangemeld voor de nieuwsbrief."))
        return redirect("community:newsletter_manage", services.token_for(subscriber, MANAGE))
    return _private(
        render(request, "community/newsletter/confirm.html", {"subscriber": subscriber, "token": token})
    )


def manage(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = get_subscriber_for_token(token, MANAGE)
    initial = {"subregions": list(subscriber.subregions.all()), "themes": services.theme_keys(subscriber)}
    form = ChoicesForm(
        request.POST or None, subregions=selectors.subregions_of(subscriber.region), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        services.subscriber_update(
            subscriber=subscriber, subregions=form.cleaned_data["subregions"], themes=form.theme_mask
        )
        messages.success(request, _("Je keuzes zijn opgeslagen."))
        return redirect("community:newsletter_manage", token)
    context = {
        "subscriber": subscriber,
        "form": form,
        "token": token,
        "unsubscribe_token": services.token_for(subscriber, UNSUBSCRIBE),
    }
    return _private(render(request, "community/newsletter/manage.html", context))


@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058: a mail program POSTs "List-Unsubscribe=One-Click" here, without a CSRF token (the
    private link is the proof). GET shows the button; nothing changes on a GET."""
    subscriber = get_subscriber_for_token(token, UNSUBSCRIBE)
    if request.method == "POST":
        services.subscriber_unsubscribe(subscriber=subscriber)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return _private(render(request, "community/newsletter/unsubscribed.html"))
        return redirect("community:newsletter_unsubscribed")
    return _private(render(request, "community/newsletter/unsubscribe.html", {"token": token}))


def unsubscribed(request: HttpRequest) -> HttpResponse:
    return render(request, "community/newsletter/unsubscribed.html")


def archive(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    page = selectors.sent_issues_page(region, request.GET.get("page"))
    context = {"page": page, "issues": page.object_list, "perms_editor": is_moderator(request.user)}
    return render(request, "community/newsletter/archive.html", context)


def issue_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The web version of a sent issue (all items); for an editor also a draft, as a preview."""
    issue = get_issue_for_user(request.user, pk, get_region_or_404(request))
    context = {"issue": issue, "title": issue_title(issue), "groups": grouped(selectors.items_of(issue))}
    return render(request, "community/newsletter/issue.html", context)


# --- The editor ---------------------------------------------------------------------------------------


def editor(request: HttpRequest) -> HttpResponse:
    require_editor(request.user)
    region = get_region_or_404(request)
    form = IssueCreateForm(request.POST or None, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            issue = services.issue_create(region=region, month=form.month_date, actor=request.user)
        except ValidationError as exc:
            form.add_error("month", exc)
        else:
            messages.success(request, _("Het concept staat klaar. Kijk de berichten na."))
            return redirect("community:newsletter_edit", issue.pk)
    context = {
        "form": form,
        "issues": selectors.issues_for_editor(region),
        "subscribers": selectors.subscriber_count(region),
    }
    return render(request, "community/newsletter/editor.html", context)


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_issue_for_user(request.user, pk, get_region_or_404(request), write=True)
    form = IntroductionForm(request.POST or None, initial={"introduction": issue.introduction})
    if request.method == "POST" and form.is_valid():
        return _act(
            request,
            issue,
            lambda: services.issue_update(
                issue=issue, introduction=form.cleaned_data["introduction"], actor=request.user
            ),
            _("De inleiding is opgeslagen."),
        )
    context = {
        "issue": issue,
        "title": issue_title(issue),
        "form": form,
        "items": selectors.items_with_area(issue),
        "counts": selectors.delivery_counts(issue),
        "subscribers": selectors.subscriber_count(issue.region),
    }
    return render(request, "community/newsletter/edit.html", context)


def _act(request: HttpRequest, issue, action, done: str) -> HttpResponse:
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("community:newsletter_edit", issue.pk)


@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, pk, get_region_or_404(request))
    up = request.POST.get("richting") != "omlaag"
    return _act(
        request,
        item.issue,
        lambda: services.issue_item_move(item=item, up=up, actor=request.user),
        _("Verplaatst."),
    )


@require_POST
def item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, pk, get_region_or_404(request))
    done = _("“%(title)s” is weggehaald.") % {"title": item.title}
    return _act(request, item.issue, lambda: services.issue_item_remove(item=item, actor=request.user), done)


def mail_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The exact mail (html, or the text part with ?als=tekst), as the test mail has it."""
    issue = get_issue_for_user(request.user, pk, get_region_or_404(request), write=True)
    mail = render_mail(issue, selectors.items_of(issue), region=issue.region)
    if request.GET.get("als") == "tekst":
        return _private(HttpResponse(mail.text, content_type="text/plain; charset=utf-8"))
    return _private(HttpResponse(mail.html))


@require_POST
def send_test(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_issue_for_user(request.user, pk, get_region_or_404(request), write=True)
    done = _("De test is verstuurd naar %(email)s.") % {"email": request.user.email}
    return _act(request, issue, lambda: services.issue_send_test(issue=issue, actor=request.user), done)


@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_issue_for_user(request.user, pk, get_region_or_404(request), write=True)
    done = _("De nieuwsbrief wordt verstuurd. Dat gaat in delen; je kunt deze pagina verlaten.")
    return _act(request, issue, lambda: services.issue_send(issue=issue, actor=request.user), done)
