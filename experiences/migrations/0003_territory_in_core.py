"""Territory moved to core (core/migrations/0001_initial.py): the foreign key follows it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('experiences', '0002_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='experiencesheetpage',
            name='territory',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='experiences', to='core.territory', verbose_name='territoire'),
        ),
    ]
