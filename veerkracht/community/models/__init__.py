"""Community: the platform to meet and learn from each other — stories, news, the knowledge library,
questions to the movement, closed groups, the newsletter and one search over the site.

One module per feature, as in every layer of this app.
"""

# --- groups ---
from .groups import Group, GroupFile, GroupKind, GroupMeeting, GroupPost, Membership
from .moderation import ContentReport, Moderated, ReportStatus

# --- questions ---
from .questions import Answer, Question, QuestionMailing

__all__ = [
    "Answer",
    "ContentReport",
    "Group",
    "GroupFile",
    "GroupKind",
    "GroupMeeting",
    "GroupPost",
    "Membership",
    "Moderated",
    "Question",
    "QuestionMailing",
    "ReportStatus",
]
