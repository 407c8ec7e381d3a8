"""The community's pages, one module per feature, all in the "community" namespace, each feature
under its own Dutch prefix (verhalen/, nieuws/, kennisbank/, vragen/, groepen/, nieuwsbrief/, zoeken/)."""

from __future__ import annotations

# --- stories ---
from . import moderation, stories

# --- end stories ---

app_name = "community"
urlpatterns: list = []
# --- stories ---
urlpatterns += [*stories.urlpatterns, *moderation.urlpatterns]
# --- end stories ---
