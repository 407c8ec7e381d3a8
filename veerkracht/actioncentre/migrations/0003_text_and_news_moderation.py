"""Moderation after approval: revisions of a public initiative's texts, and news that waits.

Existing news stays public (``review`` defaults to "public"): it was placed before moderation existed and
has been on the website since.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import veerkracht.actioncentre.models.initiatives
import veerkracht.actioncentre.storage


class Migration(migrations.Migration):

    dependencies = [
        ('actioncentre', '0002_list_map_and_ranking_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='InitiativeRevision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=120, verbose_name='naam van het initiatief')),
                ('summary', models.CharField(max_length=200, verbose_name='in één zin')),
                ('description', models.TextField(max_length=5000, verbose_name='wat doen jullie?')),
                ('who', models.CharField(max_length=300, verbose_name='wie zitten erachter?')),
                ('before', models.JSONField(blank=True, default=dict)),
                ('status', models.CharField(choices=[('pending', 'wacht op goedkeuring'), ('approved', 'goedgekeurd'), ('rejected', 'niet goedgekeurd'), ('withdrawn', 'ingetrokken')], default='pending', max_length=10)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                ('reason', models.TextField(blank=True, max_length=1000, verbose_name='waarom niet?')),
                ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('initiative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='actioncentre.initiative')),
                ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'wijziging van een initiatief',
                'verbose_name_plural': 'wijzigingen van initiatieven',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['status', 'created_at'], name='revision_review_queue')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'pending')), fields=('initiative',), name='one_pending_revision_per_initiative')],
            },
        ),
        migrations.AddField(
            model_name='initiativeupdate',
            name='pending_photo',
            field=models.ImageField(blank=True, storage=veerkracht.actioncentre.storage.PrivateMediaStorage(), upload_to=veerkracht.actioncentre.models.initiatives.update_photo_path),
        ),
        migrations.AddField(
            model_name='initiativeupdate',
            name='reason',
            field=models.TextField(blank=True, max_length=1000, verbose_name='waarom niet?'),
        ),
        migrations.AddField(
            model_name='initiativeupdate',
            name='review',
            field=models.CharField(choices=[('pending', 'wacht op goedkeuring'), ('public', 'openbaar'), ('rejected', 'niet geplaatst')], default='public', max_length=10),
        ),
        migrations.AddField(
            model_name='initiativeupdate',
            name='reviewed_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='initiativeupdate',
            name='reviewed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddIndex(
            model_name='initiativeupdate',
            index=models.Index(fields=['review', 'created_at'], name='update_review_queue'),
        ),
    ]
