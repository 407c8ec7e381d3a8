"""Community: the platform to meet and learn from each other — stories, news, the knowledge library,
questions to the movement, closed groups, the newsletter and one search over the site.

One module per feature, as in every layer of this app.
"""

# --- library ---
from .library import LibraryItem, LibraryKind, LibraryReview
from .moderation import ContentReport, Moderated, ReportStatus

# --- news ---
from .news import NewsItem

__all__ = [
    "ContentReport",
    "LibraryItem",
    "LibraryKind",
    "LibraryReview",
    "Moderated",
    "NewsItem",
    "ReportStatus",
]
