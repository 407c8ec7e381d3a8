"""Where group files live: outside MEDIA_ROOT, so the web server never serves them. They have no web
address of their own (``url()`` refuses); members download them through a view that checks who asks."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="veerkracht.community.storage.GroupFileStorage")
class GroupFileStorage(FileSystemStorage):
    # Read from the settings on every use, so tests can point it at a temporary folder.
    @property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None


group_file_storage = GroupFileStorage()
