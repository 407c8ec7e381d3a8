"""Background jobs: e-mail through the queue (retries, failures for staff, recovery), scheduled jobs,
the health endpoint and the jobs command. Tests run Huey in immediate mode: a job runs at once, in the
test, when it is enqueued (after the commit); test_worker.py runs a real worker."""

from __future__ import annotations

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from veerkracht.core import health, schedule
from veerkracht.core.mail import mail_enqueue, mail_recover, mail_send, message_id_for
from veerkracht.core.models import AuditLogEntry, OutgoingMail, ScheduledRun
from veerkracht.core.personal_data import erase_all

pytestmark = pytest.mark.django_db
Status = OutgoingMail.Status
SMTP_DOWN = mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down"))


def queue(capture, **fields) -> list[OutgoingMail]:
    values = {"subject": "Hallo", "body": "Je code is 1234", "to": ["anna@example.org"]} | fields
    with capture(execute=True):
        return mail_enqueue(**values)


def test_a_request_only_queues_the_job_sends_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        (row,) = mail_enqueue(subject="Hallo", body="tekst", to=["anna@example.org"])
    assert mail.outbox == [] and len(callbacks) == 1  # nothing is sent inside the transaction
    callbacks[0]()
    row.refresh_from_db()
    assert row.status == Status.SENT and row.attempts == 1 and row.sent_at
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@example.org"]
    assert mail.outbox[0].extra_headers["Message-ID"] == row.message_id


def test_one_mail_per_address_and_a_key_makes_asking_twice_harmless(django_capture_on_commit_callbacks):
    first = queue(django_capture_on_commit_callbacks, to=["a@example.org", "b@example.org"], key="x:1")
    again = queue(django_capture_on_commit_callbacks, to=["a@example.org", "b@example.org"], key="x:1")
    assert len(first) == 2 and again == []
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    # The key names the mail without holding the address.
    assert all("@" not in row.key for row in OutgoingMail.objects.all())


def test_a_sent_mail_keeps_no_content_and_running_the_job_again_sends_nothing(
    django_capture_on_commit_callbacks,
):
    (row,) = queue(django_capture_on_commit_callbacks)
    assert mail_send(mail_id=row.pk, final=False) == "skipped"
    row.refresh_from_db()
    assert (row.subject, row.body, row.headers) == ("", "", {}) and len(mail.outbox) == 1


def test_a_failure_is_retried_and_after_the_last_retry_it_is_kept_with_its_reason(
    django_capture_on_commit_callbacks,
):
    with SMTP_DOWN:
        (row,) = queue(django_capture_on_commit_callbacks)
        row.refresh_from_db()
        # Huey has the retry scheduled; the mail waits, with the reason.
        assert row.status == Status.QUEUED and row.attempts == 1 and "smtp down" in row.last_error
        assert HUEY.scheduled_count() >= 1
        assert mail_send(mail_id=row.pk, final=True) == "failed"
    row.refresh_from_db()
    assert row.status == Status.FAILED and row.body == "Je code is 1234"


def test_the_attempts_count_even_when_a_job_is_enqueued_again(django_capture_on_commit_callbacks, settings):
    settings.MAIL_RETRIES = 1
    with SMTP_DOWN:
        (row,) = queue(django_capture_on_commit_callbacks)
        assert mail_send(mail_id=row.pk, final=False) == "failed"  # the second attempt is the last


def test_staff_see_failed_mails_and_send_them_again(django_capture_on_commit_callbacks, client_for, staff):
    with SMTP_DOWN:
        (row,) = queue(django_capture_on_commit_callbacks, subject="Je bericht is ontvangen")
        mail_send(mail_id=row.pk, final=True)
    OutgoingMail.objects.filter(pk=row.pk).update(status=Status.FAILED)
    client = client_for(staff)
    page = client.get(reverse("core:failed_mail")).content.decode()
    assert "anna@example.org" in page and "Je bericht is ontvangen" in page and "smtp down" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core:failed_mail_resend", args=[row.pk]))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == Status.SENT and [m.subject for m in mail.outbox] == ["Je bericht is ontvangen"]
    assert AuditLogEntry.objects.filter(code="core.mail.resent", actor=staff).count() == 1
    assert (
        "Er zijn geen e-mails die niet verstuurd konden worden"
        in client.get(reverse("core:failed_mail")).content.decode()
    )


def test_the_failed_mail_page_and_resend_are_for_staff_only(
    django_capture_on_commit_callbacks, client_for, resident, region_admin
):
    (row,) = queue(django_capture_on_commit_callbacks)
    OutgoingMail.objects.filter(pk=row.pk).update(status=Status.FAILED, body="geheim")
    for user in (None, resident):
        client = client_for(user)
        assert client.get(reverse("core:failed_mail")).status_code == 404
        assert client.post(reverse("core:failed_mail_resend", args=[row.pk])).status_code == 404
    assert OutgoingMail.objects.get(pk=row.pk).status == Status.FAILED
    assert client_for(region_admin).get(reverse("core:failed_mail")).status_code == 200
    assert client_for(region_admin).get(reverse("core:failed_mail_resend", args=[row.pk])).status_code == 405


def test_the_failed_mail_page_has_a_constant_number_of_queries(
    django_capture_on_commit_callbacks, client_for, staff, django_assert_max_num_queries
):
    rows = queue(django_capture_on_commit_callbacks, to=[f"p{i}@example.org" for i in range(30)])
    OutgoingMail.objects.filter(pk__in=[r.pk for r in rows]).update(status=Status.FAILED)
    client = client_for(staff)
    client.get(reverse("core:failed_mail"))
    with django_assert_max_num_queries(12):
        client.get(reverse("core:failed_mail"))


def test_what_a_killed_worker_left_half_sent_is_sent_again_with_the_same_message_id(
    django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=False):  # queued, but the job never ran
        mail_enqueue(subject="a", body="b", to=["lost@example.org"], key="k:lost")
    (half,) = queue(django_capture_on_commit_callbacks, to=["half@example.org"], key="k:half")
    OutgoingMail.objects.filter(pk=half.pk).update(status=Status.SENDING)  # the worker died mid-send
    mail.outbox.clear()
    assert mail_recover() == 0  # too recent: maybe a worker is still at it
    later = timezone.now() + timedelta(seconds=settings.MAIL_STALE_SECONDS + 1)
    assert mail_recover(now=later) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["half@example.org", "lost@example.org"]
    half_mail = next(m for m in mail.outbox if m.to == ["half@example.org"])
    assert half_mail.extra_headers["Message-ID"] == message_id_for(half.key)


def test_mails_waiting_in_a_long_queue_are_not_queued_again(django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=False):  # queued, the job not yet taken
        mail_enqueue(subject="a", body="b", to=["wacht@example.org"], key="k:wait")
    later = timezone.now() + timedelta(seconds=settings.MAIL_STALE_SECONDS + 1)
    with mock.patch("veerkracht.core.mail._queue_busy", return_value=True):
        assert mail_recover(now=later) == 0
    assert mail_recover(now=later) == 1 and mail.outbox[0].to == ["wacht@example.org"]


def test_the_login_code_goes_through_the_queue_ahead_of_everything_else(
    region, resident, monkeypatch, django_capture_on_commit_callbacks
):
    from django.test import Client

    from veerkracht.core import mail as core_mail

    queued = []
    monkeypatch.setattr(core_mail, "_enqueue_jobs", lambda ids, urgent=False: queued.append((ids, urgent)))
    with SMTP_DOWN, django_capture_on_commit_callbacks(execute=True):  # never talks to the mail server
        response = Client().post(reverse("account_request_login_code"), {"email": resident.email})
    assert response.status_code == 302
    row = OutgoingMail.objects.get(to=resident.email)
    assert row.status == Status.QUEUED and queued == [([row.pk], True)]


def test_an_urgent_mail_job_outranks_mail_and_newsletter_jobs():
    from veerkracht.community.jobs.newsletter import newsletter_batch
    from veerkracht.core.jobs import send_mail_job
    from veerkracht.core.mail import URGENT_PRIORITY

    assert (
        URGENT_PRIORITY
        > send_mail_job.task_class.default_priority
        > newsletter_batch.task_class.default_priority
    )


def test_mails_to_a_deleted_account_go_and_others_lose_her_name(django_capture_on_commit_callbacks, resident):
    name = resident.display_name
    (to_her,) = queue(django_capture_on_commit_callbacks, to=[resident.email])
    with SMTP_DOWN:
        (about_her,) = queue(
            django_capture_on_commit_callbacks, to=["ander@example.org"], body=f"Maak kennis met {name}"
        )
    OutgoingMail.objects.filter(pk=about_her.pk).update(status=Status.FAILED)
    erase_all(resident)
    assert not OutgoingMail.objects.filter(pk=to_her.pk).exists()
    assert name not in OutgoingMail.objects.get(pk=about_her.pk).body


def test_every_scheduled_job_has_a_valid_schedule_and_becomes_a_periodic_task():
    jobs = schedule.scheduled()
    keys = {job.key for job in jobs}
    assert {"core.retention", "core.mail_recover", "monitor.snapshot_month", "monitor.snapshot_open"} <= keys
    names = schedule.install(HUEY)
    periodic = {task.name for task in HUEY._registry.periodic_tasks}
    assert set(names) <= periodic
    assert schedule.install(HUEY) == names  # twice is harmless


def test_a_scheduled_run_is_recorded_and_the_jobs_command_shows_it(django_capture_on_commit_callbacks):
    out = io.StringIO()
    call_command("jobs", "run", "core.mail_recover", stdout=out)
    assert out.getvalue().strip() == "core.mail_recover: 0"
    assert ScheduledRun.objects.get(key="core.mail_recover").status == ScheduledRun.Status.DONE
    with SMTP_DOWN:
        (row,) = queue(django_capture_on_commit_callbacks)
        mail_send(mail_id=row.pk, final=True)
    out = io.StringIO()
    call_command("jobs", stdout=out)
    text = out.getvalue()
    assert "failed 1" in text and "core.retention" in text and "never run" in text
    assert "core.mail_recover" in text and "done" in text


def test_a_failing_scheduled_job_is_recorded_as_failed(monkeypatch):
    job = schedule.Scheduled(key="test.broken", what="x", when="never", cron={}, run=lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        schedule.run_logged(job)
    run = ScheduledRun.objects.get(key="test.broken")
    assert run.status == ScheduledRun.Status.FAILED and "ZeroDivisionError" in run.result


def test_health_answers_ok_when_database_cache_and_queue_answer(client):
    response = client.get("/gezondheid/", HTTP_HOST="10.0.0.7")  # a load balancer asks by IP
    assert response.status_code == 200 and response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("broken", ["database", "cache", "queue"])
def test_health_says_503_and_which_part_fails_but_not_why(client, broken, monkeypatch):
    def fail() -> None:
        raise ConnectionError("secret-host:6379 refused")

    monkeypatch.setitem(health.CHECKS, broken, fail)
    response = client.get("/gezondheid/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response.content == f"niet gezond: {broken}\n".encode()  # not the host or the reason


def test_a_scheduled_job_that_already_runs_elsewhere_is_skipped_not_run_twice(settings):
    from huey import MemoryHuey

    huey = MemoryHuey("test-locks", immediate=False)
    calls = []
    job = schedule.Scheduled(key="test.once", what="x", when="never", cron={}, run=lambda: calls.append(1))
    schedule._jobs.register(job)
    try:
        schedule.install(huey)
        task = next(t for t in huey._registry.periodic_tasks if t.name == "schedule.test.once")
        with huey.lock_task("schedule.test.once"):
            assert huey.execute(task) is None  # the lock is held: skipped, no retry
        assert huey.scheduled_count() == 0
        huey.execute(task)
    finally:
        schedule._jobs.items.pop("test.once")
    assert calls == [1]


@pytest.mark.parametrize("key", ["core.retention", "monitor.snapshot_open", "monitor.snapshot_month"])
def test_the_scheduled_jobs_do_their_work_and_twice_is_harmless(region, key):
    for _ in range(2):
        out = io.StringIO()
        call_command("jobs", "run", key, stdout=out)
        assert ScheduledRun.objects.get(key=key).status == ScheduledRun.Status.DONE
    if key.startswith("monitor."):
        assert "limburg:" in out.getvalue() and "published periods kept" in out.getvalue()
    assert (
        AuditLogEntry.objects.filter(code__in=["core.retention.applied", "monitor.snapshot.run"]).count() == 2
    )


def test_nothing_is_queued_while_mail_is_muted_as_when_the_demo_loads(django_capture_on_commit_callbacks):
    from veerkracht.core.mail import mail_enqueue, mail_muted

    with django_capture_on_commit_callbacks(execute=True), mail_muted():
        assert mail_enqueue(subject="Welkom", body="Hallo", to=["demo@example.org"]) == []
    assert not OutgoingMail.objects.exists() and mail.outbox == []
    assert len(queue(django_capture_on_commit_callbacks, to=["echt@example.org"])) == 1  # after it: as ever
