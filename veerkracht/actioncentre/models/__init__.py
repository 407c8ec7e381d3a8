"""Actiecentrum: requests (questions, ideas, support), initiatives (proeftuinen), offers and connections.

One module per feature (requests, initiatives, connect), as in every layer of this app. Themes and
dimensions are bit sets (core.vocabulary), help types too (vocab.py). Secrets in links (a sender's
private follow link, a connection's answer links, an unsubscribe link) are stored only as SHA-256 hashes.
"""

from .connect import (
    AmbassadorProfile,
    Availability,
    Connection,
    ConnectionStatus,
    Offer,
    PartnerProfile,
)
from .initiatives import (
    Follow,
    FollowKind,
    Initiative,
    InitiativeUpdate,
    Need,
    Phase,
    PhaseChange,
    Review,
    update_photo_path,
)
from .moderation import REVISED_FIELDS, InitiativeRevision, RevisionStatus
from .partnerships import InitiativePartner, PartnerStatus
from .requests import (
    REQUEST_TRANSITIONS,
    CloseReason,
    EventKind,
    Request,
    RequestEvent,
    RequestKind,
    RequestStatus,
    allowed_transitions,
    follow_path,
)

__all__ = [
    "REQUEST_TRANSITIONS",
    "REVISED_FIELDS",
    "AmbassadorProfile",
    "Availability",
    "CloseReason",
    "Connection",
    "ConnectionStatus",
    "EventKind",
    "Follow",
    "FollowKind",
    "Initiative",
    "InitiativePartner",
    "InitiativeRevision",
    "InitiativeUpdate",
    "Need",
    "Offer",
    "PartnerProfile",
    "PartnerStatus",
    "Phase",
    "PhaseChange",
    "Request",
    "RequestEvent",
    "RequestKind",
    "RequestStatus",
    "Review",
    "RevisionStatus",
    "allowed_transitions",
    "follow_path",
    "update_photo_path",
]
