"""Territory moved to core (core/migrations/0001_initial.py): the foreign key follows it.

State only: the database's constraint already points at the renamed table (PostgreSQL keeps
it on the table itself, SQLite rewrites the references as it renames), in both directions."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_profile_deletion_warned_at'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='profile',
                    name='territory',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='profiles', to='core.territory', verbose_name='territoire'),
                ),
            ],
        ),
    ]
