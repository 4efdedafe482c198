"""Territory now lives in core (core/migrations/0001_initial.py renamed its table and moved its
content type); portal only drops it from its state, once the foreign keys point at core's."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_territory_in_core'),
        ('core', '0001_initial'),
        ('experiences', '0003_territory_in_core'),
        ('forums', '0003_territory_in_core'),
        ('portal', '0003_documents_outside_media_root'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Territory')],
        ),
    ]
