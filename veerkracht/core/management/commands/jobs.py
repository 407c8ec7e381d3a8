"""The job queue at a glance: queued, scheduled (retries and delayed jobs), running and failed; and
the scheduled jobs with their last run. ``jobs run <key>`` runs one scheduled job now, in this process."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count

from veerkracht.core import schedule
from veerkracht.core.models import OutgoingMail, ScheduledRun


class Command(BaseCommand):
    help = "Show queued, running and failed jobs and the scheduled jobs; `jobs run <key>` runs one now."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", nargs="?", choices=["status", "run"], default="status")
        parser.add_argument("key", nargs="?", help="the scheduled job to run (see the list)")

    def handle(self, *args, **options) -> None:
        if options["action"] == "run":
            self._run(options["key"])
        else:
            self._status()

    def _run(self, key: str | None) -> None:
        try:
            job = schedule.get(key or "")
        except KeyError as exc:
            raise CommandError(f"Unknown scheduled job {key!r}; see `manage.py jobs`.") from exc
        self.stdout.write(f"{job.key}: {schedule.run_logged(job)}")

    def _status(self) -> None:
        from huey.contrib.djhuey import HUEY

        storage = type(HUEY.storage).__name__
        self.stdout.write(f"Queue {HUEY.name!r} ({storage})")
        self.stdout.write(f"  queued now:            {HUEY.pending_count()}")
        self.stdout.write(f"  scheduled (retries, delayed): {HUEY.scheduled_count()}")
        mails = dict(OutgoingMail.objects.values_list("status").annotate(n=Count("pk")).order_by())
        self.stdout.write(
            "E-mail: "
            + ", ".join(f"{status} {mails.get(status, 0)}" for status in OutgoingMail.Status.values)
        )
        if mails.get(OutgoingMail.Status.FAILED):
            self.stdout.write("  failed mails are listed for staff at /e-mail/niet-verstuurd/")
        runs = {run.key: run for run in ScheduledRun.objects.all()}
        self.stdout.write("Scheduled jobs:")
        for job in schedule.scheduled():
            run = runs.get(job.key)
            last = (
                f"{run.status} (started {run.started_at:%Y-%m-%d %H:%M}) {run.result[:80]}"
                if run
                else "never run"
            )
            self.stdout.write(f"  {job.key:<26} {job.when:<28} {last}")
