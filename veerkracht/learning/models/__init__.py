"""Scholing: courses, cohorts and enrolments, e-learning with quizzes, intervision groups,
certificates, implementation coaching and the training-plan budget.

One module per feature, as in every layer of this app.
"""

from .budget import BudgetEntry, BudgetLine, BudgetTotal, EntryKind, FundingSource, Target
from .catalogue import (
    Cohort,
    CostKind,
    Course,
    CourseFormat,
    LearningPath,
    PathStep,
    TargetGroup,
)
from .coaching import CoachingContact, CoachLink, ContactKind, ImplementationPlan, PlanStep
from .enrolments import Enrolment, EnrolmentStatus

__all__ = [  # noqa: RUF022 (each feature's names together)
    # catalogue
    "CostKind",
    "Cohort",
    "Course",
    "CourseFormat",
    "LearningPath",
    "PathStep",
    "TargetGroup",
    # enrolments
    "Enrolment",
    "EnrolmentStatus",
    # coaching
    "CoachLink",
    "CoachingContact",
    "ContactKind",
    "ImplementationPlan",
    "PlanStep",
    # budget
    "BudgetEntry",
    "BudgetLine",
    "BudgetTotal",
    "EntryKind",
    "FundingSource",
    "Target",
]
