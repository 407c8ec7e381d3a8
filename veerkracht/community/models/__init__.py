"""Community: the platform to meet and learn from each other — stories, news, the knowledge library,
questions to the movement, closed groups, the newsletter and one search over the site.

One module per feature, as in every layer of this app.
"""

from .moderation import ContentReport, Moderated, ReportStatus

# --- stories ---
from .stories import (
    INTERPRETATION_FLAGS,
    MAX_PHOTOS,
    Inspiration,
    Story,
    StoryPhoto,
    StoryResponse,
    StoryStatus,
)

# --- end stories ---

__all__ = ["ContentReport", "Moderated", "ReportStatus"]
# --- stories ---
__all__ += [
    "INTERPRETATION_FLAGS",
    "MAX_PHOTOS",
    "Inspiration",
    "Story",
    "StoryPhoto",
    "StoryResponse",
    "StoryStatus",
]
# --- end stories ---
