"""Development e-mail: print to the console and keep a copy for the /dev/mail/ page."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend


class DevMailBackend(ConsoleBackend):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        settings.DEV_MAIL_DIR.mkdir(parents=True, exist_ok=True)
        self._files = FileBackend(file_path=str(settings.DEV_MAIL_DIR))

    def send_messages(self, email_messages) -> int:
        self._files.send_messages(email_messages)
        return super().send_messages(email_messages)


def sent_messages(directory: Path, limit: int = 30) -> list[dict]:
    """The newest mails the development backend wrote to `directory` (to, subject, date, body)."""
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
