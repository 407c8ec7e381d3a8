"""Reads of the core's own tables (e-mail that could not be sent, scheduled runs)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .http import pk_or_404
from .models import OutgoingMail

# Who may see and resend mails that could not be sent: action-centre staff and region admins
# (the rule is declared in accounts/permissions.py, where the roles are).
HANDLE_FAILED_MAIL = "core.handle_failed_mail"


def require_mail_staff(user) -> None:
    """Everyone else gets a 404, not a hint that the page exists."""
    if not user.has_perm(HANDLE_FAILED_MAIL):
        raise Http404


def failed_mails_for_user(user) -> QuerySet[OutgoingMail]:
    """Mails that could not be sent after every retry, newest first; none for anyone but mail staff."""
    if not user.has_perm(HANDLE_FAILED_MAIL):
        return OutgoingMail.objects.none()
    return OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).order_by("-created_at", "-pk")


def failed_mail_page(user, limit: int = 200) -> list[OutgoingMail]:
    return list(failed_mails_for_user(user)[:limit])


def get_failed_mail_for_user(user, pk) -> OutgoingMail:
    return get_object_or_404(failed_mails_for_user(user), pk=pk_or_404(pk))
