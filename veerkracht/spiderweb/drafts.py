"""A web being filled in lives in the database (with an account) or in the session (without one).

Both kinds offer the same small interface to the views, so the fill-in flow is written once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Assessment, Instrument, Status
from .services import webs as web_services

SESSION_KEY = "spiderweb_draft"


@dataclass
class SessionWeb:
    """An anonymous web kept only in the session (never in the database)."""

    request: HttpRequest
    instrument: Instrument
    data: dict

    @classmethod
    def start(cls, request: HttpRequest, instrument: Instrument) -> SessionWeb:
        data = {
            "instrument": instrument.pk,
            "answers": {},
            "talk": [],
            "step": 0,
            "completed": False,
            "started_at": timezone.now().isoformat(),
        }
        request.session[SESSION_KEY] = data
        return cls(request, instrument, data)

    @classmethod
    def load(cls, request: HttpRequest) -> SessionWeb | None:
        data = request.session.get(SESSION_KEY)
        if data is None:
            return None
        instrument = None
        if isinstance(data, dict) and type(data.get("instrument")) is int:
            instrument = Instrument.objects.filter(pk=data["instrument"]).first()
        if instrument is None or not _is_valid(data, instrument):
            # A damaged or outdated session web is dropped; the views then say it was not kept.
            request.session.pop(SESSION_KEY, None)
            return None
        return cls(request, instrument, data)

    @property
    def answers(self) -> dict[str, int]:
        return self.data["answers"]

    @property
    def talk(self) -> set[str]:
        return set(self.data["talk"])

    @property
    def step(self) -> int:
        return self.data["step"]

    @property
    def is_completed(self) -> bool:
        return self.data["completed"]

    def save_step(self, index: int, step: web_services.StepInput, *, advance: bool = True) -> None:
        if self.is_completed:
            raise ValidationError(_("Dit spinnenweb is al klaar. Je kunt het niet meer veranderen."))
        items = {i["key"] for i in self.instrument.dimension(index)["items"]}
        self.data["answers"] = {**self.answers, **step.scores}
        self.data["talk"] = sorted((self.talk - items) | step.talk)
        if advance:
            self.data["step"] = max(self.step, min(index + 1, len(self.instrument.dimensions) - 1))
        self.request.session.modified = True

    def complete(self) -> None:
        if self.is_completed:
            raise ValidationError(_("Dit spinnenweb was al opgeslagen."))
        if set(self.instrument.item_keys) - set(self.answers):
            raise ValidationError(_("Nog niet alle vragen zijn beantwoord."))
        self.data["completed"] = True
        self.request.session.modified = True

    def as_assessment(self) -> Assessment:
        """An unsaved Assessment with scores, to show the result with the same templates."""
        web = Assessment(
            instrument=self.instrument,
            answers=self.answers,
            talk_about=sorted(self.talk),
            status=Status.COMPLETED if self.is_completed else Status.DRAFT,
        )
        for key, value in web_services.compute_scores(self.instrument, self.answers).items():
            setattr(web, f"score_{key}", value)
        return web

    def step_url(self, index: int) -> str:
        return reverse("spiderweb:session_step", args=[index + 1])

    def result_url(self) -> str:
        return reverse("spiderweb:session_result")

    def forget(self) -> None:
        self.request.session.pop(SESSION_KEY, None)


@dataclass
class StoredWeb:
    """A web of a logged-in person, saved after every step so it can be resumed anywhere."""

    assessment: Assessment

    @property
    def instrument(self) -> Instrument:
        return self.assessment.instrument

    @property
    def answers(self) -> dict[str, int]:
        return self.assessment.answers

    @property
    def talk(self) -> set[str]:
        return set(self.assessment.talk_about)

    @property
    def step(self) -> int:
        return self.assessment.step

    @property
    def is_completed(self) -> bool:
        return self.assessment.is_completed

    def save_step(self, index: int, step: web_services.StepInput, *, advance: bool = True) -> None:
        self.assessment = web_services.assessment_save_step(
            assessment=self.assessment, index=index, step=step, advance=advance
        )

    def complete(self) -> None:
        self.assessment = web_services.assessment_complete(assessment=self.assessment)

    def step_url(self, index: int) -> str:
        return reverse("spiderweb:step", args=[self.assessment.pk, index + 1])

    def result_url(self) -> str:
        return reverse("spiderweb:result", args=[self.assessment.pk])


def _is_valid(data: dict, instrument: Instrument) -> bool:
    """Only what this code itself writes passes: known keys, right types, answers 0–10, steps in range."""
    answers, talk, step = data.get("answers"), data.get("talk"), data.get("step")
    keys = set(instrument.item_keys)
    return (
        isinstance(answers, dict)
        and set(answers) <= keys
        and all(
            type(v) is int and instrument.scale_min <= v <= instrument.scale_max for v in answers.values()
        )
        and isinstance(talk, list)
        and set(talk) <= keys
        and type(step) is int
        and 0 <= step < len(instrument.dimensions)
        and isinstance(data.get("completed"), bool)
        and (not data["completed"] or set(answers) == keys)
        and isinstance(data.get("started_at"), str)
    )
