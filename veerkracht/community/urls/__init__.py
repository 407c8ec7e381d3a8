"""The community's pages, one module per feature, all in the "community" namespace, each feature
under its own Dutch prefix (verhalen/, nieuws/, kennisbank/, vragen/, groepen/, nieuwsbrief/, zoeken/)."""

from __future__ import annotations

from . import search

app_name = "community"
urlpatterns: list = [
    # --- search ---
    *search.urlpatterns,
    # --- end search ---
]
