"""Record which indicators each period holds, so a published period is never computed again.

Existing periods get the indicators they have figures for.
"""

from django.db import migrations, models


def record_indicators(apps, schema_editor):
    Period = apps.get_model("monitor", "Period")
    Figure = apps.get_model("monitor", "Figure")
    held: dict[int, set[str]] = {}
    for period_id, indicator in Figure.objects.values_list("period_id", "indicator").distinct():
        held.setdefault(period_id, set()).add(indicator)
    for period in Period.objects.all():
        period.indicators = sorted(held.get(period.pk, ()))
        period.save(update_fields=["indicators"])


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0002_policy_register_moved"),
    ]

    operations = [
        migrations.AddField(
            model_name="period",
            name="indicators",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(record_indicators, migrations.RunPython.noop),
    ]
