"""Partners need the organisation's consent: the plain many-to-many becomes InitiativePartner.

Every existing link is kept, as a *pending* request. Nobody at those organisations ever agreed to be
named: until now anyone who managed an initiative could name any organisation, and the initiative then
showed on that organisation's public page. Marking the old links accepted would keep exactly those
unconsented claims online, so after this migration they disappear from both pages until an admin of
the organisation accepts (organisations without an admin keep them pending; the action centre can help
them get one). The demo data (demo.py) makes accepted links directly, so the demo still shows partners.

Django cannot add a ``through`` model to an existing many-to-many field, so the links are copied to the
new table, the old field (and its table) is removed and the field is added again with ``through``.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def copy_links_as_pending(apps, schema_editor):
    Initiative = apps.get_model('actioncentre', 'Initiative')
    InitiativePartner = apps.get_model('actioncentre', 'InitiativePartner')
    old = Initiative.partners.through.objects.select_related('initiative').order_by('pk')
    InitiativePartner.objects.bulk_create(
        (
            InitiativePartner(
                initiative_id=row.initiative_id,
                organisation_id=row.organisation_id,
                status='pending',
                requested_at=row.initiative.created_at,
            )
            for row in old.iterator(chunk_size=2000)
        ),
        batch_size=2000,
    )


def copy_links_back(apps, schema_editor):
    Initiative = apps.get_model('actioncentre', 'Initiative')
    InitiativePartner = apps.get_model('actioncentre', 'InitiativePartner')
    Through = Initiative.partners.through
    Through.objects.bulk_create(
        (
            Through(initiative_id=link.initiative_id, organisation_id=link.organisation_id)
            for link in InitiativePartner.objects.exclude(status='declined').iterator(chunk_size=2000)
        ),
        batch_size=2000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('actioncentre', '0003_text_and_news_moderation'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='InitiativePartner',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('pending', 'wacht op antwoord'), ('accepted', 'doet mee'), ('declined', 'doet niet mee')], default='pending', max_length=10)),
                ('requested_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('initiative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='partner_links', to='actioncentre.initiative')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='initiative_links', to='accounts.organisation')),
                ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'partner van een initiatief',
                'verbose_name_plural': 'partners van initiatieven',
                'ordering': ['requested_at', 'pk'],
                'indexes': [models.Index(fields=['organisation', 'status'], name='partner_link_status')],
                'constraints': [models.UniqueConstraint(fields=('initiative', 'organisation'), name='initiative_partner_once')],
            },
        ),
        migrations.RunPython(copy_links_as_pending, copy_links_back),
        migrations.RemoveField(
            model_name='initiative',
            name='partners',
        ),
        migrations.AddField(
            model_name='initiative',
            name='partners',
            field=models.ManyToManyField(blank=True, related_name='partner_in', through='actioncentre.InitiativePartner', to='accounts.organisation'),
        ),
    ]
