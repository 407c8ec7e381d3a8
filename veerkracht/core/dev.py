"""Development-only helpers: sent e-mails and current two-step codes of demo accounts.

Mounted only when DEBUG is on (see veerkracht/urls.py), so production never has these URLs.
"""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render


def _read_messages(directory: Path, limit: int = 30) -> list[dict]:
    if not directory.exists():
        return []
    files = sorted(directory.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
    result = []
    for path in files:
        # The file backend writes one file per connection, messages separated by a line of dashes.
        for chunk in reversed(path.read_text(encoding="utf-8", errors="replace").split("-" * 79)):
            chunk = chunk.strip()
            if not chunk:
                continue
            msg = email.message_from_string(chunk, policy=email.policy.default)
            body = msg.get_body(preferencelist=("plain",))
            result.append(
                {
                    "to": msg.get("To", ""),
                    "subject": msg.get("Subject", ""),
                    "date": msg.get("Date", ""),
                    "body": body.get_content() if body else "",
                }
            )
            if len(result) >= limit:
                return result
    return result


def mail_list(request: HttpRequest) -> HttpResponse:
    if not settings.DEBUG:
        raise Http404
    from veerkracht.core.demo import demo_totp_codes

    return render(
        request,
        "core/dev_mail.html",
        {"messages_sent": _read_messages(settings.DEV_MAIL_DIR), "totp_codes": demo_totp_codes()},
    )
