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
from .certificates import Certificate
from .coaching import CoachingContact, CoachLink, ContactKind, ImplementationPlan, PlanStep
from .elearning import (
    AttemptAnswer,
    Choice,
    Lesson,
    LessonProgress,
    Module,
    Question,
    QuestionKind,
    Quiz,
    QuizAttempt,
)
from .enrolments import Enrolment, EnrolmentStatus
from .intervision import IntervisionGroup, IntervisionMeeting, IntervisionMember, Reflection

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
    # elearning
    "AttemptAnswer",
    "Choice",
    "Lesson",
    "LessonProgress",
    "Module",
    "Question",
    "QuestionKind",
    "Quiz",
    "QuizAttempt",
    # certificates
    "Certificate",
    # intervision
    "IntervisionGroup",
    "IntervisionMeeting",
    "IntervisionMember",
    "Reflection",
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
