"""What the budget holds about a person: only which coordinator added a funding source (forgotten with
their account). The ledger keeps no person: an entry's enrolment is SET_NULL when the learner's
account goes, and what stays is money per target group, course, organisation and subregion."""

from __future__ import annotations

from ..models import FundingSource
from . import Part


def _erase(user) -> None:
    FundingSource.objects.filter(created_by=user).update(created_by=None)


PART = Part(
    models=("learning.FundingSource",),
    export=lambda user: {},
    erase=_erase,
    summary=lambda user: [],
    not_personal={
        "learning.BudgetEntry": (
            "money booked for a seat: the enrolment link is emptied when the account goes (SET_NULL), "
            "so what stays is an amount per target group, course, organisation and subregion"
        ),
        "learning.BudgetTotal": "the ledger summed per line, target group, organisation and subregion",
        "learning.BudgetLine": "money of a funding source for a target group or a course",
        "learning.Target": "a number of people to train per target group and period, no person",
    },
    order=70,
)
