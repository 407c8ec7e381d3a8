"""Sessions move to accounts_session, which keeps the id of the person logged in beside each session.
Sessions that have not ended are copied (nobody is logged out), then Django's own table is emptied (a
session may hold a draft or a code: it must not stay behind where nothing deletes it)."""

from django.db import migrations, models
from django.utils import timezone

BATCH = 2000


def copy_sessions(apps, schema_editor):
    from django.contrib.sessions.backends.db import SessionStore

    Session = apps.get_model("sessions", "Session")
    UserSession = apps.get_model("accounts", "UserSession")
    store, rows = SessionStore(), []
    for old in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=BATCH):
        try:
            user_id = int(store.decode(old.session_data).get("_auth_user_id"))
        except (TypeError, ValueError):
            user_id = None
        rows.append(UserSession(old.session_key, old.session_data, old.expire_date, user_id))
        if len(rows) >= BATCH:
            UserSession.objects.bulk_create(rows, ignore_conflicts=True)
            rows = []
    UserSession.objects.bulk_create(rows, ignore_conflicts=True)
    Session.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_organisation_types"),
        ("sessions", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="UserSession",
            fields=[
                (
                    "session_key",
                    models.CharField(max_length=40, primary_key=True, serialize=False, verbose_name="session key"),
                ),
                ("session_data", models.TextField(verbose_name="session data")),
                ("expire_date", models.DateTimeField(db_index=True, verbose_name="expire date")),
                ("user_id", models.BigIntegerField(db_index=True, null=True)),
            ],
            options={
                "verbose_name": "sessie",
                "verbose_name_plural": "sessies",
                "db_table": "accounts_session",
                "abstract": False,
            },
        ),
        migrations.RunPython(copy_sessions, migrations.RunPython.noop),
    ]
