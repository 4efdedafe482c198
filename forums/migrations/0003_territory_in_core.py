"""Territory moved to core (core/migrations/0001_initial.py): the foreign key follows it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('forums', '0002_attachment_content_type'),
    ]

    operations = [
        migrations.AlterField(
            model_name='space',
            name='territory',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='spaces', to='core.territory', verbose_name='territoire'),
        ),
    ]
