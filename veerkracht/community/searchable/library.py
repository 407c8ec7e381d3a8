"""The knowledge library in the one search: approved items that are not hidden."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from veerkracht.core.search import Document, Source, register


def _library_document(item) -> Document | None:
    if not item.is_public:
        return None
    return Document(
        title=item.title,
        body=" ".join(part for part in (item.summary, item.body) if part),
        url=reverse("community:library_item", args=[item.pk]),
        date=item.published_at,
        summary=item.summary,
        themes=item.themes,
        dimensions=item.dimensions,
        extra={
            "kind": item.kind,
            "levels": item.levels,
            "interpretations": item.interpretations,
            "target_groups": item.target_groups,
        },
    )


def _library_objects(region):
    from ..selectors.library import public_library_items

    return public_library_items(region)


register(
    Source(
        key="library",
        label=_("Kennisbank"),
        model="community.LibraryItem",
        document=_library_document,
        objects=_library_objects,
        region_of=lambda item: item.region,
        order=41,
    )
)
