"""Community: the platform to meet and learn from each other — stories, news, the knowledge library,
questions to the movement, closed groups, the newsletter and one search over the site.

One module per feature, as in every layer of this app.
"""

from .moderation import ContentReport, Moderated, ReportStatus

# --- newsletter ---
from .newsletter import Delivery, DeliveryStatus, Issue, IssueItem, IssueStatus, Subscriber

__all__ = [  # noqa: RUF022 (each feature's names in its own block)
    "ContentReport",
    "Moderated",
    "ReportStatus",
    # --- newsletter ---
    "Delivery",
    "DeliveryStatus",
    "Issue",
    "IssueItem",
    "IssueStatus",
    "Subscriber",
]
