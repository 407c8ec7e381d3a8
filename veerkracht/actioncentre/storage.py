"""Where photos wait for approval: outside MEDIA_ROOT, so the web server never serves them.

Everything under MEDIA_ROOT is public at ``/media/`` (in production the web server serves that folder
as is). A photo that staff have not approved yet lives under ``PRIVATE_MEDIA_ROOT`` instead. It has no
web address of its own (``url()`` refuses); the people who manage the initiative and staff see it
through a view that checks who asks. On approval it is copied to the public storage; when it is turned
down or withdrawn it is deleted.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="veerkracht.actioncentre.storage.PrivateMediaStorage")
class PrivateMediaStorage(FileSystemStorage):
    # Read from the settings on every use (not cached), so tests can point it at a temporary folder.
    @property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None  # no public address: FileSystemStorage.url() raises


private_storage = PrivateMediaStorage()
