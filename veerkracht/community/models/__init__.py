"""Community: the platform to meet and learn from each other — stories, news, the knowledge library,
questions to the movement, closed groups, the newsletter and one search over the site.

One module per feature, as in every layer of this app.
"""

from .groups import Group, GroupFile, GroupKind, GroupMeeting, GroupPost, Membership
from .library import LibraryItem, LibraryKind, LibraryReview
from .moderation import ContentReport, Moderated, ReportStatus
from .news import NewsItem
from .newsletter import Delivery, DeliveryStatus, Issue, IssueItem, IssueStatus, Subscriber
from .questions import Answer, Question, QuestionMailing
from .search import SearchDocument
from .stories import (
    INTERPRETATION_FLAGS,
    MAX_PHOTOS,
    Inspiration,
    Story,
    StoryPhoto,
    StoryResponse,
    StoryStatus,
)

__all__ = [  # noqa: RUF022 (each feature's names together)
    # moderation
    "ContentReport",
    "Moderated",
    "ReportStatus",
    # groups
    "Group",
    "GroupFile",
    "GroupKind",
    "GroupMeeting",
    "GroupPost",
    "Membership",
    # library
    "LibraryItem",
    "LibraryKind",
    "LibraryReview",
    # news
    "NewsItem",
    # newsletter
    "Delivery",
    "DeliveryStatus",
    "Issue",
    "IssueItem",
    "IssueStatus",
    "Subscriber",
    # questions
    "Answer",
    "Question",
    "QuestionMailing",
    # stories
    "INTERPRETATION_FLAGS",
    "MAX_PHOTOS",
    "Inspiration",
    "Story",
    "StoryPhoto",
    "StoryResponse",
    "StoryStatus",
    # search
    "SearchDocument",
]
