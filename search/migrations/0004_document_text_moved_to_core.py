"""DocumentText now lives in core (core/migrations/0001_initial.py renamed its table and moved
its content type); search only drops it from its state."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('search', '0003_document_text'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='DocumentText')],
        ),
    ]
