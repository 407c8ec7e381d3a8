"""Where story photos wait for approval: outside MEDIA_ROOT, so the web server never serves them.

The same idea as the action centre's storage for initiative news: a waiting photo has no web address
(``url()`` refuses); its author and the moderators see it through a view that checks who asks. On
approval it is copied to the public storage.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="veerkracht.community.storage.WaitingPhotoStorage")
class WaitingPhotoStorage(FileSystemStorage):
    @property
    def base_location(self) -> str:  # read on every use, so tests can point it elsewhere
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None


waiting_storage = WaitingPhotoStorage()
