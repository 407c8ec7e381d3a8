"""Files nobody refers to any more: a file is stored before its row is saved, so when the transaction
around a write is rolled back (an error later in the same request, a killed worker), the file stays
behind without a row. A daily sweep deletes such files once they are a day old (younger ones may belong
to a write still under way)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

from django.core.files.storage import Storage, default_storage
from django.utils import timezone

from ..models import GroupFile, LibraryItem, NewsItem, StoryPhoto
from ..storage import group_file_storage, library_storage, waiting_storage

log = logging.getLogger(__name__)
GRACE = timedelta(days=1)


def _places():
    """(storage, folder, names referred to) for every place where the community stores files."""
    return (
        (group_file_storage, "groups", GroupFile.objects.values_list("file", flat=True)),
        (library_storage, "", LibraryItem.objects.exclude(file="").values_list("file", flat=True)),
        (
            waiting_storage,
            "verhalen",
            StoryPhoto.objects.exclude(pending_photo="").values_list("pending_photo", flat=True),
        ),
        (default_storage, "verhalen", StoryPhoto.objects.exclude(photo="").values_list("photo", flat=True)),
        (default_storage, "nieuws", NewsItem.objects.exclude(photo="").values_list("photo", flat=True)),
    )


def _walk(storage: Storage, folder: str) -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def files_sweep(*, now=None) -> int:
    """Delete stored files of the community that no row refers to and that are over a day old."""
    cutoff = (now or timezone.now()) - GRACE
    deleted = 0
    for storage, folder, names in _places():
        known = set(names)
        for name in _walk(storage, folder):
            if name in known or storage.get_modified_time(name) > cutoff:
                continue
            storage.delete(name)
            deleted += 1
    if deleted:
        log.info("community: %d files without a row deleted", deleted)
    return deleted
