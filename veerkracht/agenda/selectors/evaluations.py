"""Reads for the evaluation results: counts, the mean per question and the "what will you do now"
texts, for one event or for the organiser's events of a series. The texts come without names, and
nothing is shown for fewer than MIN_ANSWERS answers, so no single answer can be traced to a person."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Avg, Count, QuerySet

from veerkracht.lib.charts import Bar, bar_chart_svg
from veerkracht.lib.svg import number_text

from ..models import EVALUATION_QUESTIONS, Evaluation, Event, Series

MIN_ANSWERS = 3
SCORE_FIELDS = [f"score_{n}" for n in range(1, len(EVALUATION_QUESTIONS) + 1)]


@dataclass
class QuestionResult:
    question: str
    mean: float | None
    text: str


@dataclass
class Summary:
    answers: int
    questions: list[QuestionResult]
    next_steps: list[str] = field(default_factory=list)
    chart: str = ""

    @property
    def shown(self) -> bool:
        return self.answers >= MIN_ANSWERS


def _summary(evaluations: QuerySet[Evaluation], *, chart_title: str) -> Summary:
    stats = evaluations.aggregate(n=Count("id"), **{name: Avg(name) for name in SCORE_FIELDS})
    questions = [
        QuestionResult(str(question), stats[name], number_text(stats[name], 1) if stats[name] else "")
        for question, name in zip(EVALUATION_QUESTIONS, SCORE_FIELDS, strict=True)
    ]
    summary = Summary(answers=stats["n"], questions=questions)
    if summary.shown:
        texts = evaluations.exclude(next_step="").order_by("?").values_list("next_step", flat=True)[:200]
        summary.next_steps = list(texts)
        bars = [Bar(label=q.question, value=q.mean, text=q.text) for q in questions]
        summary.chart = bar_chart_svg(bars=bars, title=chart_title, max_value=5, legend="1 – 5")
    return summary


def has_answered(registration) -> bool:
    return Evaluation.objects.filter(registration=registration).exists()


def event_summary(event: Event, *, chart_title: str) -> Summary:
    return _summary(Evaluation.objects.filter(event=event), chart_title=chart_title)


def series_events(series: Series, user) -> list[Event]:
    """The series' dates this user organises, with their number of answers."""
    events = Event.objects.filter(series=series, organisers=user).annotate(answers=Count("evaluations"))
    return list(events.order_by("starts_at", "id"))


def series_summary(series: Series, user, *, chart_title: str) -> Summary:
    evaluations = Evaluation.objects.filter(event__series=series, event__organisers=user)
    return _summary(evaluations, chart_title=chart_title)
