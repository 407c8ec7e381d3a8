"""The community's pages, one module per feature, all in the "community" namespace, each feature
under its own Dutch prefix (verhalen/, moderatie/, nieuws/, kennisbank/, vragen/, groepen/, nieuwsbrief/,
zoeken/)."""

from __future__ import annotations

from . import groups, library, moderation, news, newsletter, questions, search, stories

app_name = "community"
urlpatterns: list = [
    *stories.urlpatterns,
    *moderation.urlpatterns,
    *news.urlpatterns,
    *library.urlpatterns,
    *questions.urlpatterns,
    *groups.urlpatterns,
    *newsletter.urlpatterns,
    *search.urlpatterns,
]
