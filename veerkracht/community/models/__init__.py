"""Community: the platform to meet and learn from each other — stories, news, the knowledge library,
questions to the movement, closed groups, the newsletter and one search over the site.

One module per feature, as in every layer of this app.
"""

from .groups import Group, GroupFile, GroupKind, GroupMeeting, GroupPost, Membership
from .moderation import ContentReport, Moderated, ReportStatus
from .newsletter import Delivery, DeliveryStatus, Issue, IssueItem, IssueStatus, Subscriber
from .questions import Answer, Question, QuestionMailing

__all__ = [  # noqa: RUF022 (each feature's names together)
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
]
