"""Scheduled jobs: what runs when, declared by the app that owns the work.

Each app declares, in its own ``jobs.py``, its background jobs (Huey tasks) and its scheduled jobs with
``register(Scheduled(...))``: a key, one line on what it does, when it runs (crontab fields, Dutch local
time) and the function to run. The worker (``manage.py run_huey``, through ``core/tasks.py``) turns every
registered job into a Huey periodic task; ``manage.py jobs`` lists them and runs one by hand. Later apps
plug in the same way, e.g. the agenda's reminders the day before a session, the waiting list's expired
offers and the newsletter's batches::

    # veerkracht/agenda/jobs.py
    register(Scheduled(key="agenda.reminders", what="E-mail a reminder the day before a session",
                       when="hourly", cron={"minute": "5"}, run=send_due_reminders))

A scheduled job must be safe to run twice and to be killed half-way (the next run finishes the work),
because a worker can die at any moment and two schedulers may start the same run. It runs under a lock
(``lock_ttl``): a second start while it runs is skipped, and the lock of a killed worker expires. Only
one worker should run the scheduler (``JOBS_PERIODIC=1``; the others 0), the lock is the safety net.
Long jobs log their progress (logger ``veerkracht.jobs``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .extensions import Registry

logger = logging.getLogger("veerkracht.jobs")


@dataclass(frozen=True)
class Scheduled:
    key: str  # "<app>.<what>", also the Huey task name ("schedule.<key>") and the lock name
    what: str  # one line for the README and `manage.py jobs`
    when: str  # the schedule in words ("daily at 03:15")
    cron: Mapping[str, str]  # the same for Huey's crontab(): minute, hour, day, month, day_of_week
    run: Callable[[], object]  # does the work; returns something worth logging (a count, a summary)
    lock_ttl: int = 3600  # seconds: longer than the job can take, so a killed worker's lock expires
    order: int = 100
    lock: str = ""  # jobs with the same lock never run at the same time (default: the key)
    retries: int = field(default=1)  # a failed run is tried again once, after retry_delay
    retry_delay: int = 300


_jobs: Registry[Scheduled] = Registry("jobs", "scheduled jobs")
register = _jobs.register


def scheduled() -> list[Scheduled]:
    """Every app's scheduled jobs (imports every app's jobs.py, which also registers its tasks)."""
    return _jobs.all()


def get(key: str) -> Scheduled:
    for job in scheduled():
        if job.key == key:
            return job
    raise KeyError(key)


def run_logged(job: Scheduled) -> object:
    """Run one scheduled job now, with a line in the log before and after and its state in
    ScheduledRun (what `manage.py jobs` shows as running, done or failed)."""
    from django.utils import timezone

    from .models import ScheduledRun

    started = time.monotonic()
    logger.info("%s: started", job.key)
    ScheduledRun.objects.update_or_create(
        key=job.key,
        defaults={"status": ScheduledRun.Status.RUNNING, "started_at": timezone.now(), "finished_at": None},
    )
    try:
        result = job.run()
    except Exception as exc:
        logger.exception("%s: failed after %.1fs", job.key, time.monotonic() - started)
        _finish(job.key, ScheduledRun.Status.FAILED, f"{type(exc).__name__}: {exc}")
        raise
    logger.info("%s: done in %.1fs: %s", job.key, time.monotonic() - started, result)
    _finish(job.key, ScheduledRun.Status.DONE, str(result))
    return result


def _finish(key: str, status: str, result: str) -> None:
    from django.utils import timezone

    from .models import ScheduledRun

    ScheduledRun.objects.filter(key=key).update(
        status=status, finished_at=timezone.now(), result=result[:2000]
    )


def install(huey) -> list[str]:
    """Make every registered job a periodic task of `huey` (once); returns the task names."""
    from huey import crontab
    from huey.contrib.djhuey import close_db
    from huey.exceptions import TaskLockedException

    names = []
    installed = huey.__dict__.setdefault("_scheduled_installed", set())
    for job in scheduled():
        name = name_of(job)
        names.append(name)
        if name in installed:
            continue
        installed.add(name)

        def run(job: Scheduled = job) -> object:
            try:
                with huey.lock_task(f"schedule.{job.lock or job.key}", ttl=job.lock_ttl):
                    return run_logged(job)
            except TaskLockedException:  # another worker runs it now: this run is not needed
                logger.info("%s: already running elsewhere, skipped", job.key)
                return None

        huey.periodic_task(
            crontab(**job.cron, strict=True), name=name, retries=job.retries, retry_delay=job.retry_delay
        )(close_db(run))
    return names


def name_of(job: Scheduled) -> str:
    return f"schedule.{job.key}"
