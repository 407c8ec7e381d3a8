"""Where community files that are not public live: outside MEDIA_ROOT, so the web server never serves
them (everything under MEDIA_ROOT is public at ``/media/``).

- story photos waiting for approval (on approval they are copied to the public storage; the author and
  the moderators see a waiting photo through a view that checks who asks);
- group files (members download them through a view that checks membership);
- knowledge-library files (served as a download through a view that checks the item may be seen).

None of them has a web address of its own: ``url()`` refuses. The same idea as the action centre's
storage for initiative news.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="veerkracht.community.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    def __init__(self, folder: str = "") -> None:
        super().__init__()
        self.folder = folder

    # Read from the settings on every use (not cached), so tests can point it at a temporary folder.
    @property
    def base_location(self) -> str:
        root = str(settings.PRIVATE_MEDIA_ROOT)
        return os.path.join(root, self.folder) if self.folder else root

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None  # no public address: FileSystemStorage.url() raises


waiting_storage = PrivateStorage()
group_file_storage = PrivateStorage()
library_storage = PrivateStorage("kennisbank")
