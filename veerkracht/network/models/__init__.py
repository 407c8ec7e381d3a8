"""The network: ambassadors and what they do, partner organisations joining and their roles over time,
the action centre's support on measure, and regional networks with goals.

One module per feature, as in every layer of this app.
"""

from .activities import Activity, ActivityKind, ActivitySource
from .ambassadors import (
    Ambassador,
    AmbassadorApplication,
    AmbassadorEvent,
    AmbassadorStatus,
    ApplicationStatus,
    Background,
    EventKind,
    TimeAvailable,
)
from .networks import Goal, GoalProgress, RegionalNetwork
from .partners import PartnerApplication, PartnerApplicationStatus, PartnerKind, PartnerRole
from .support import SupportEntry, SupportKind

__all__ = [  # noqa: RUF022 (each feature's names together)
    # ambassadors
    "Ambassador",
    "AmbassadorApplication",
    "AmbassadorEvent",
    "AmbassadorStatus",
    "ApplicationStatus",
    "Background",
    "EventKind",
    "TimeAvailable",
    # activities
    "Activity",
    "ActivityKind",
    "ActivitySource",
    # partners
    "PartnerApplication",
    "PartnerApplicationStatus",
    "PartnerKind",
    "PartnerRole",
    # support
    "SupportEntry",
    "SupportKind",
    # networks
    "Goal",
    "GoalProgress",
    "RegionalNetwork",
]
