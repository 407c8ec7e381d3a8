"""Development e-mail: print to the console and keep a copy for the /dev/mail/ page."""

from __future__ import annotations

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
