"""Closed groups: "Mijn groepen", a group's page (posts, files, meetings), members and invitations,
leaving, and creating a group (staff). Everything of a group is a 404 for whoever is not a member."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.core.ratelimit import too_many
from veerkracht.regions.selectors import get_region_or_404

from ..forms.groups import FileForm, GroupForm, InviteForm, MeetingForm, PostForm
from ..permissions.groups import get_file_for_user, get_group_for_user, get_post_for_user, require_staff
from ..selectors.groups import (
    events_to_link,
    files_of,
    group_for_invitation,
    groups_of,
    meetings_of,
    members_of,
    posts_page,
)
from ..services import groups as services
from ..services.moderation import content_report, is_moderator
from ..tokens import group_invite_token, group_invite_token_matches


@login_required
def my_groups(request: HttpRequest) -> HttpResponse:
    context = {"groups": groups_of(request.user), "can_create": is_moderator(request.user)}
    return render(request, "community/groups/mine.html", context)


def _page(request: HttpRequest, group, membership, *, status: int = 200, **forms) -> HttpResponse:
    context = {
        "group": group,
        "membership": membership,
        "page": posts_page(group, request.GET.get("page"), moderator=is_moderator(request.user)),
        "files": files_of(group),
        "meetings": meetings_of(group),
        "post_form": forms.get("post_form") or PostForm(),
        "file_form": forms.get("file_form") or FileForm(),
    }
    return render(request, "community/groups/detail.html", context, status=status)


@login_required
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group, membership = get_group_for_user(request.user, pk)
    return _page(request, group, membership)


@login_required
@require_POST
def post_create(request: HttpRequest, pk: int) -> HttpResponse:
    group, membership = get_group_for_user(request.user, pk)
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            services.group_post_create(group=group, author=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Je bericht staat in de groep."))
            return redirect("community:group", pk=group.pk)
    return _page(request, group, membership, status=400, post_form=form)


@login_required
@require_POST
def post_delete(request: HttpRequest, pk: int, post_pk: int) -> HttpResponse:
    group, _membership = get_group_for_user(request.user, pk)
    post = get_post_for_user(request.user, group, post_pk)
    try:
        services.group_post_delete(post=post, actor=request.user)
    except PermissionDenied as error:
        raise Http404 from error
    messages.success(request, _("Het bericht is weg."))
    return redirect("community:group", pk=group.pk)


@login_required
@require_POST
def file_upload(request: HttpRequest, pk: int) -> HttpResponse:
    group, membership = get_group_for_user(request.user, pk)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.group_file_upload(
                group=group,
                uploader=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["upload"],
            )
        except ValidationError as error:
            form.add_error("upload", error)
        else:
            messages.success(request, _("Het bestand staat in de groep."))
            return redirect("community:group", pk=group.pk)
    return _page(request, group, membership, status=400, file_form=form)


@login_required
def file_download(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    group, _membership = get_group_for_user(request.user, pk)
    shared = get_file_for_user(request.user, group, file_pk)
    try:
        handle = shared.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=shared.filename, content_type=shared.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_POST
def file_delete(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    group, _membership = get_group_for_user(request.user, pk)
    shared = get_file_for_user(request.user, group, file_pk)
    try:
        services.group_file_delete(shared=shared, actor=request.user)
    except PermissionDenied as error:
        raise Http404 from error
    messages.success(request, _("Het bestand is weg."))
    return redirect("community:group", pk=group.pk)


def _members_page(request: HttpRequest, group, membership, *, status: int = 200, **forms) -> HttpResponse:
    context = {
        "group": group,
        "membership": membership,
        "members": members_of(group),
        "invite_form": forms.get("invite_form") or InviteForm(),
        "meeting_form": MeetingForm(events=events_to_link(group)),
        "meetings": meetings_of(group),
        "invite_url": request.build_absolute_uri(
            reverse("community:group_join", args=[group.pk, group_invite_token(group)])
        ),
    }
    return render(request, "community/groups/members.html", context, status=status)


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    group, membership = get_group_for_user(request.user, pk)
    return _members_page(request, group, membership)


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    group, membership = get_group_for_user(request.user, pk, write=True)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.group_invite_by_email(group=group, email=form.cleaned_data["email"], actor=request.user)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, _("Toegevoegd. We hebben een e-mail gestuurd."))
            return redirect("community:group_members", pk=group.pk)
    return _members_page(request, group, membership, status=400, invite_form=form)


@login_required
@require_POST
def invite_renew(request: HttpRequest, pk: int) -> HttpResponse:
    group, _membership = get_group_for_user(request.user, pk, write=True)
    services.group_renew_invite_link(group=group, actor=request.user)
    messages.success(request, _("Er is een nieuwe uitnodigingslink. De oude werkt niet meer."))
    return redirect("community:group_members", pk=group.pk)


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int, user_pk: int) -> HttpResponse:
    group, _membership = get_group_for_user(request.user, pk, write=True)
    member = next((m for m in members_of(group) if m.user_id == user_pk), None)
    if member is None:
        raise Http404
    try:
        services.group_remove_member(group=group, user=member.user, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is geen lid meer.") % {"name": member.user.display_name})
    return redirect("community:group_members", pk=group.pk)


@login_required
@require_POST
def meeting_add(request: HttpRequest, pk: int) -> HttpResponse:
    group, _membership = get_group_for_user(request.user, pk, write=True)
    form = MeetingForm(request.POST, events=events_to_link(group))
    if form.is_valid():
        services.group_meeting_add(group=group, event_id=form.cleaned_data["event"], actor=request.user)
        messages.success(request, _("De bijeenkomst staat bij de groep."))
    else:
        messages.error(request, _("Kies een bijeenkomst uit de lijst."))
    return redirect("community:group_members", pk=group.pk)


@login_required
@require_POST
def meeting_remove(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    group, _membership = get_group_for_user(request.user, pk, write=True)
    if not services.group_meeting_remove(group=group, event_id=event_pk, actor=request.user):
        raise Http404
    messages.success(request, _("De bijeenkomst staat niet meer bij de groep."))
    return redirect("community:group_members", pk=group.pk)


@login_required
@require_POST
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    group, _membership = get_group_for_user(request.user, pk)
    try:
        services.group_leave(group=group, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("community:group_members", pk=group.pk)
    messages.success(request, _("Je bent geen lid meer van %(name)s.") % {"name": group.name})
    return redirect("community:my_groups")


@login_required
def join(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    group = group_for_invitation(pk)
    if group is None or not group_invite_token_matches(group, token):
        raise Http404
    if request.method == "POST":
        services.group_join(group=group, user=request.user, token=token)
        messages.success(request, _("Welkom in de groep %(name)s!") % {"name": group.name})
        return redirect("community:group", pk=group.pk)
    response = render(request, "community/groups/join.html", {"group": group, "token": token})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
def group_create(request: HttpRequest) -> HttpResponse:
    require_staff(request.user)
    region = get_region_or_404(request)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_create_by_staff(region=region, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("admin_email", error)
        else:
            messages.success(request, _("De groep is gemaakt. De beheerder kan nu mensen uitnodigen."))
            return redirect("community:my_groups")
    return render(request, "community/groups/create.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def post_report(request: HttpRequest, pk: int, post_pk: int) -> HttpResponse:
    """A member reports a post to the moderators (who hide it through the moderation queue)."""
    group, _membership = get_group_for_user(request.user, pk)
    post = get_post_for_user(request.user, group, post_pk)
    reason = (request.POST.get("reason") or "").strip()
    if not reason:
        messages.error(request, _("Schrijf kort op wat er mis is."))
    elif too_many("community.report", str(request.user.pk), limit=10, seconds=3600):
        messages.error(request, _("Je hebt net veel meldingen gedaan. Probeer het later opnieuw."))
    else:
        content_report(obj=post, reason=reason, reporter=request.user)
        messages.success(request, _("Dank je wel. Een medewerker kijkt ernaar."))
    return redirect("community:group", pk=group.pk)


@login_required
@require_POST
def member_admin(request: HttpRequest, pk: int, user_pk: int) -> HttpResponse:
    """A group admin makes a member admin too, or takes that away."""
    group, _membership = get_group_for_user(request.user, pk, write=True)
    member = next((m for m in members_of(group) if m.user_id == user_pk), None)
    if member is None:
        raise Http404
    try:
        services.group_set_admin(
            group=group, user=member.user, is_admin=request.POST.get("admin") == "1", actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Opgeslagen."))
    return redirect("community:group_members", pk=group.pk)
