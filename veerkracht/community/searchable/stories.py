"""Stories in the one search: published and not hidden."""

from __future__ import annotations

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from veerkracht.core.search import Document, Source, register


def _story_document(story) -> Document | None:
    from ..models import INTERPRETATION_FLAGS

    if not story.is_public:
        return None
    municipality = story.municipality
    first = story.photos.exclude(photo="").first()
    return Document(
        title=story.title,
        body=story.text,
        url=story.get_absolute_url(),
        date=story.published_at,
        summary=Truncator(story.text).words(30),
        municipality_code=municipality.code if municipality else "",
        subregion=municipality.subregion.slug if municipality and municipality.subregion_id else "",
        dimensions=story.dimensions,
        themes=story.themes,
        image_url=first.photo.url if first else "",
        extra={"level": story.level, "interpretations": INTERPRETATION_FLAGS.keys_of(story.interpretations)},
    )


def _story_objects(region):
    from ..selectors.stories import searchable_stories

    return searchable_stories(region)


register(
    Source(
        key="story",
        label=_("Verhalen"),
        model="community.Story",
        document=_story_document,
        objects=_story_objects,
        region_of=lambda story: story.region,
        order=20,
    )
)
