"""Territory moved to core (core/migrations/0001_initial.py): the foreign key follows it.

State only: the database's constraint already points at the renamed table (PostgreSQL keeps
it on the table itself, SQLite rewrites the references as it renames), in both directions."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('forums', '0002_attachment_content_type'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='space',
                    name='territory',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='spaces', to='core.territory', verbose_name='territoire'),
                ),
            ],
        ),
    ]
