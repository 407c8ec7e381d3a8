"""How long the action centre keeps what: closed questions, introductions, and photos nobody uses."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.personal_data import REMOVED
from veerkracht.core.retention import Rule, register

from .models import Connection, ConnectionStatus, InitiativeUpdate, Request, RequestStatus
from .storage import private_storage

CLOSED_REQUEST_KEEP = timedelta(days=365)
OPEN_INTRODUCTION_KEEP = timedelta(days=365)
ACCEPTED_INTRODUCTION_KEEP = timedelta(days=2 * 365)
LOOSE_PHOTO_KEEP = timedelta(days=1)
PHOTO_FOLDER = "initiatieven"  # models/initiatives.py update_photo_path


def _closed_requests(now: datetime) -> int:
    """With their timeline (messages, staff notes) and the introductions made for them."""
    old = Request.objects.filter(status=RequestStatus.CLOSED, status_changed_at__lt=now - CLOSED_REQUEST_KEEP)
    _deleted, by_model = old.delete()
    return by_model.get(Request._meta.label, 0)


def _introductions(now: datetime) -> int:
    """Introductions that did not go through are deleted; one that both sides accepted keeps only that
    it happened (the movement counts it), without names, addresses and message."""
    not_done = Connection.objects.filter(
        status__in=[ConnectionStatus.PROPOSED, ConnectionStatus.DECLINED],
        created_at__lt=now - OPEN_INTRODUCTION_KEEP,
    )
    deleted, _by_model = not_done.delete()
    anonymised = (
        Connection.objects.filter(
            status=ConnectionStatus.ACCEPTED, decided_at__lt=now - ACCEPTED_INTRODUCTION_KEEP
        )
        .exclude(asker_email="", helper_email="")
        .update(asker_name=REMOVED, asker_email="", helper_name=REMOVED, helper_email="", message="")
    )
    return deleted + anonymised


def _files_under(storage, folder: str):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from _files_under(storage, f"{folder}/{directory}")


def _loose_photos(now: datetime) -> int:
    """Photo files no news item points to any more (news deleted, or an upload that failed halfway),
    public ones and ones waiting for approval alike. A day's grace, so a photo that is being saved
    right now is never taken away."""
    removed = 0
    for storage, field in ((default_storage, "photo"), (private_storage, "pending_photo")):
        used = set(InitiativeUpdate.objects.exclude(**{field: ""}).values_list(field, flat=True))
        removed += _remove_unused(storage, used, now - LOOSE_PHOTO_KEEP)
    return removed


def _remove_unused(storage, used: set[str], before: datetime) -> int:
    if not storage.exists(PHOTO_FOLDER):
        return 0
    removed = 0
    for name in _files_under(storage, PHOTO_FOLDER):
        if name in used:
            continue
        modified = storage.get_modified_time(name)
        if timezone.is_naive(modified):
            modified = timezone.make_aware(modified)
        if modified < before:
            storage.delete(name)
            removed += 1
    return removed


register(
    Rule(
        key="actioncentre.closed_requests",
        what=_("Een vraag of idee aan het actiecentrum, met de berichten erover, als de vraag is afgesloten"),
        period=_("1 jaar na het afsluiten"),
        keep=CLOSED_REQUEST_KEEP,
        apply=_closed_requests,
        order=30,
    )
)
register(
    Rule(
        key="actioncentre.introductions",
        what=_("Namen en e-mailadressen bij een kennismaking via het actiecentrum"),
        period=_(
            "1 jaar na het voorstel als de kennismaking niet doorging, "
            "2 jaar na de kennismaking als die wel doorging"
        ),
        keep=OPEN_INTRODUCTION_KEEP,
        apply=_introductions,
        order=31,
    )
)
register(
    Rule(
        key="actioncentre.loose_photos",
        what=_("Een foto bij nieuws dat is verwijderd"),
        period=_("1 dag later"),
        keep=LOOSE_PHOTO_KEEP,
        apply=_loose_photos,
        order=32,
    )
)
