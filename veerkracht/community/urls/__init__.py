"""The community's pages, one module per feature, all in the "community" namespace, each feature
under its own Dutch prefix (verhalen/, nieuws/, kennisbank/, vragen/, groepen/, nieuwsbrief/, zoeken/)."""

from __future__ import annotations

# --- newsletter ---
from . import newsletter

app_name = "community"
urlpatterns: list = []

# --- newsletter ---
urlpatterns += newsletter.urlpatterns
