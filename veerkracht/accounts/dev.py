"""Development-only page: sent e-mails (login codes) and the current two-step codes of the demo accounts.

Mounted only when DEBUG is on (see veerkracht/urls.py), so production never has this URL.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from veerkracht.core.mail import sent_messages

from .demo import demo_totp_codes


def mail_list(request: HttpRequest) -> HttpResponse:
    if not settings.DEBUG:
        raise Http404
    context = {"messages_sent": sent_messages(settings.DEV_MAIL_DIR), "totp_codes": demo_totp_codes()}
    return render(request, "accounts/dev_mail.html", context)
