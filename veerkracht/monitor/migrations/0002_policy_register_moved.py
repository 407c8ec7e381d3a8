# The policy register became an app of its own (policy 0001); its tables stay where they are.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('monitor', '0001_initial'),
        ('policy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='PolicyVersion'),
                migrations.DeleteModel(name='MunicipalityPolicy'),
            ],
        ),
    ]
