"""Community: the platform to meet and learn from each other — stories, news, the knowledge library,
questions to the movement, closed groups, the newsletter and one search over the site.

One module per feature, as in every layer of this app.
"""

from .moderation import ContentReport, Moderated, ReportStatus

# --- news ---
from .news import NewsItem  # noqa: E402

# --- library ---
from .library import LibraryItem, LibraryKind, LibraryReview  # noqa: E402

__all__ = ["ContentReport", "LibraryItem", "LibraryKind", "LibraryReview", "Moderated", "NewsItem", "ReportStatus"]
