"""Community: the platform to meet and learn from each other — stories, news, the knowledge library,
questions to the movement, closed groups, the newsletter and one search over the site.

One module per feature, as in every layer of this app.
"""

from .moderation import ContentReport, Moderated, ReportStatus

# --- search ---
from .search import SearchDocument

# --- end search ---

__all__ = ["ContentReport", "Moderated", "ReportStatus", "SearchDocument"]
