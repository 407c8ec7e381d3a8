"""Bulk writes of whole residents with their webs, for demo data and benchmarks (not for user requests).

A resident here is an account with a profile (municipality, age band), a verified e-mail address,
optionally research consent with an education level, and completed webs at given times. Rows are
inserted with ``bulk_create`` in batches, one transaction per batch; no audit log entries are written.
The same invariants as the services hold: a web's answers are whole numbers 0–10 for every item of
the instrument, its scores are what ``compute_scores`` gives for those answers, and research consent
and education are mirrored onto every web of the person (``research_consent_set``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts.models import Profile, User
from veerkracht.core.vocabulary import DIMENSION_KEYS

from .models import Assessment, Education, Instrument, ResearchConsent, Status
from .services.webs import compute_scores

BATCH = 5000
UNUSABLE_PASSWORD = "!"  # noqa: S105 - not a password: Django's marker for "log in by code only"


@dataclass(frozen=True)
class WebSpec:
    """One completed web. Build `answers` and `scores` together with `answers_for`."""

    completed_at: datetime
    answers: dict[str, int]
    scores: Mapping[str, float | None]
    minutes: int = 12  # how long filling it in took (started_at = completed_at - minutes)


@dataclass(frozen=True)
class ResidentSpec:
    email: str
    municipality_id: int | None = None
    age_band: str = ""
    research_consent: bool = False
    education: str = ""  # only kept together with research consent, as research_consent_set does
    joined_at: datetime | None = None  # default: ten minutes before the first web
    display_name: str = ""
    webs: Sequence[WebSpec] = field(default_factory=tuple)


@dataclass
class BulkResult:
    residents: int = 0
    webs: int = 0
    user_ids: list[int] = field(default_factory=list)


def answers_for(
    instrument: Instrument, targets: Mapping[str, float], rng: random.Random | None = None
) -> tuple[dict[str, int], dict[str, float | None]]:
    """Answers (0–10 per item) whose mean per dimension is as close to `targets` as whole answers allow.

    The mean of k whole answers is a multiple of 1/k, so a dimension's score is the target rounded to
    that; the returned scores are exactly what ``compute_scores`` stores for the answers. With `rng`
    the answers within a dimension vary (same sum), as real answers do.
    """
    answers: dict[str, int] = {}
    for dim in instrument.dimensions:
        keys = [item["key"] for item in dim["items"]]
        k = len(keys)
        target = min(10.0, max(0.0, float(targets[dim["key"]])))
        total = min(10 * k, max(0, round(target * k)))
        base, extra = divmod(total, k)
        values = [base + 1] * extra + [base] * (k - extra)
        if rng is not None:
            draw = rng.random  # (plain random() calls: this runs for every item of many webs)
            for _ in range(k):  # move points between items: the sum (and so the score) stays
                i, j, step = int(draw() * k), int(draw() * k), int(draw() * 3)
                if i != j and values[i] + step <= 10 and values[j] - step >= 0:
                    values[i] += step
                    values[j] -= step
            rng.shuffle(values)
        answers.update(zip(keys, values, strict=True))
    return answers, compute_scores(instrument, answers)


def _batches(items: Iterable[ResidentSpec], size: int) -> Iterator[list[ResidentSpec]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _joined(spec: ResidentSpec, now: datetime) -> datetime:
    if spec.joined_at is not None:
        return spec.joined_at
    if spec.webs:
        return min(web.completed_at for web in spec.webs) - timedelta(minutes=10)
    return now


def residents_create(
    residents: Iterable[ResidentSpec],
    *,
    instrument: Instrument,
    batch_size: int = BATCH,
    email_addresses: bool = True,
    keep_ids: bool = False,
) -> BulkResult:
    """Insert residents with their profiles, consent and webs; `residents` may be a generator.

    Returns the counts (and with `keep_ids` the new user ids, in the order given).
    """
    result = BulkResult()
    now = timezone.now()
    for batch in _batches(residents, batch_size):
        for spec in batch:
            if spec.education not in ("", *Education.values):
                raise ValueError(f"unknown education level {spec.education!r}")
        with transaction.atomic():
            users = _users_create(batch, now, email_addresses=email_addresses)
            webs = _webs_create(batch, users, instrument)
        result.residents += len(users)
        result.webs += webs
        if keep_ids:
            result.user_ids += [user.pk for user in users]
    return result


def _users_create(batch: list[ResidentSpec], now: datetime, *, email_addresses: bool) -> list[User]:
    """One batch's accounts with their profiles, e-mail addresses and research consent."""
    from allauth.account.models import EmailAddress

    users = User.objects.bulk_create(
        User(email=spec.email, password=UNUSABLE_PASSWORD, date_joined=_joined(spec, now)) for spec in batch
    )
    if not users[0].pk:  # backends without RETURNING: read the keys back
        by_email = dict(User.objects.filter(email__in=[u.email for u in users]).values_list("email", "pk"))
        for user in users:
            user.pk = by_email[user.email]
    Profile.objects.bulk_create(
        Profile(
            user_id=user.pk,
            display_name=spec.display_name,
            municipality_id=spec.municipality_id,
            age_band=spec.age_band,
        )
        for user, spec in zip(users, batch, strict=True)
    )
    if email_addresses:
        EmailAddress.objects.bulk_create(
            EmailAddress(user_id=user.pk, email=user.email, primary=True, verified=True) for user in users
        )
    ResearchConsent.objects.bulk_create(
        ResearchConsent(user_id=user.pk, given=True, education=spec.education)
        for user, spec in zip(users, batch, strict=True)
        if spec.research_consent
    )
    return users


def _webs_create(batch: list[ResidentSpec], users: list[User], instrument: Instrument) -> int:
    step = len(instrument.dimensions) - 1
    rows = [
        Assessment(
            owner_id=user.pk,
            instrument=instrument,
            status=Status.COMPLETED,
            answers=web.answers,
            step=step,
            **{f"score_{key}": web.scores.get(key) for key in DIMENSION_KEYS},
            municipality_id=spec.municipality_id,
            age_band=spec.age_band,
            research_consent=spec.research_consent,
            education=spec.education if spec.research_consent else "",
            started_at=web.completed_at - timedelta(minutes=web.minutes),
            completed_at=web.completed_at,
        )
        for user, spec in zip(users, batch, strict=True)
        for web in spec.webs
    ]
    Assessment.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
