# The register's tables were created by the monitor app (monitor 0001) and keep their names: this
# migration only moves the two models to this app in Django's state, it changes nothing in the database.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('monitor', '0001_initial'),
        ('regions', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='MunicipalityPolicy',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('in_policy', models.BooleanField(null=True, verbose_name='Positieve Gezondheid staat in het lokale gezondheidsbeleid')),
                        ('since_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='sinds welk jaar')),
                        ('document_title', models.CharField(blank=True, max_length=200, verbose_name='naam van het beleidsstuk')),
                        ('document_url', models.URLField(blank=True, max_length=500, verbose_name='link naar het beleidsstuk')),
                        ('levels', models.JSONField(blank=True, default=list, verbose_name='niveaus')),
                        ('themes', models.JSONField(blank=True, default=list, verbose_name="sociale thema's")),
                        ('notes', models.TextField(blank=True, max_length=1000, verbose_name='toelichting')),
                        ('updated_at', models.DateTimeField(blank=True, null=True)),
                        ('municipality', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='health_policy', to='regions.municipality', verbose_name='gemeente')),
                        ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'gezondheidsbeleid van een gemeente',
                        'verbose_name_plural': 'gezondheidsbeleid van gemeenten',
                        'db_table': 'monitor_municipalitypolicy',
                    },
                ),
                migrations.CreateModel(
                    name='PolicyVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('data', models.JSONField()),
                        ('changed_at', models.DateTimeField()),
                        ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('policy', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='policy.municipalitypolicy')),
                    ],
                    options={
                        'verbose_name': 'versie beleid',
                        'verbose_name_plural': 'versies beleid',
                        'ordering': ['-changed_at', '-pk'],
                        'db_table': 'monitor_policyversion',
                    },
                ),
            ],
        ),
    ]
