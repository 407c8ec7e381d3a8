"""Agenda: events (inspiration sessions, workshops, lectures, meetings), registrations with a waiting
list, and what happens after an event (evaluation, report, ideas that became requests or initiatives).

One module per feature, as in every layer of this app. Training meetings (the learning app) reuse these
events with kind TRAINING.
"""

from .evaluations import (
    EVALUATION_QUESTIONS,
    Evaluation,
    Idea,
    IdeaOutcome,
    Report,
    ReportFile,
)
from .events import Event, EventKind, EventStatus, Series, Visibility
from .registrations import ACTIVE, HOLDS_PLACES, Question, Registration, RegistrationStatus

__all__ = [
    "ACTIVE",
    "EVALUATION_QUESTIONS",
    "HOLDS_PLACES",
    "Evaluation",
    "Event",
    "EventKind",
    "EventStatus",
    "Idea",
    "IdeaOutcome",
    "Question",
    "Registration",
    "RegistrationStatus",
    "Report",
    "ReportFile",
    "Series",
    "Visibility",
]
