"""Territory (from portal) and DocumentText (from search) move to core with their rows.

core takes them into its state; their tables are renamed to core's names; their content types
follow, so that what points at them through a content type (permissions, snippet revisions,
log entries, references, search index entries) still does. The foreign keys of experiences,
forums and accounts follow in their own migrations; portal and search then drop the models
from their state (portal 0004, search 0004). Reversible.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelsearch.index
from django.db import migrations, models

# model: its app before the move
MOVED = {'territory': 'portal', 'documenttext': 'search'}


def rename_tables(apps, schema_editor, backwards=False):
    for model, app in MOVED.items():
        old, new = f'{app}_{model}', f'core_{model}'
        if backwards:
            old, new = new, old
        schema_editor.alter_db_table(None, old, new)


def move_content_types(apps, schema_editor, backwards=False):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    objects = ContentType.objects.using(schema_editor.connection.alias)
    for model, app in MOVED.items():
        source, target = ('core', app) if backwards else (app, 'core')
        moved = objects.filter(app_label=source, model=model)
        if moved.exists():
            # A type of the new name made meanwhile is empty (nothing could point at it).
            objects.filter(app_label=target, model=model).delete()
            moved.update(app_label=target)


def rename_tables_back(apps, schema_editor):
    rename_tables(apps, schema_editor, backwards=True)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):

    initial = True

    # After the apps' migrations that point foreign keys at portal_territory: the tables are
    # renamed once every reference to them exists, so that the references are renamed too.
    dependencies = [
        ('accounts', '0003_profile_deletion_warned_at'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('experiences', '0002_initial'),
        ('forums', '0002_attachment_content_type'),
        ('portal', '0003_documents_outside_media_root'),
        ('search', '0003_document_text'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(rename_tables, rename_tables_back)],
            state_operations=[
                migrations.CreateModel(
                    name='Territory',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True, verbose_name='nom')),
                        ('kind', models.CharField(choices=[('perimetropolitain', 'Périmétropolitain'), ('retro-littoral', 'Rétro-littoral'), ('urbain-voisin-metropole', 'Urbain voisin de métropole'), ('urbain', 'Urbain'), ('semi-rural', 'Semi-rural'), ('rural', 'Rural')], max_length=30, verbose_name='type de territoire')),
                        ('department', models.CharField(blank=True, max_length=3, validators=[django.core.validators.RegexValidator('^(\\d{2,3}|2A|2B)$', 'Saisissez un numéro de département, par exemple 44 ou 2A.')], verbose_name='département')),
                        ('communes', models.PositiveIntegerField(verbose_name='nombre de communes')),
                        ('population', models.PositiveIntegerField(help_text="Nombre d'habitants.", verbose_name='population')),
                        ('siren', models.CharField(blank=True, max_length=9, validators=[django.core.validators.RegexValidator('^\\d{9}$', 'Le SIREN compte exactement 9 chiffres.')], verbose_name="SIREN de l'intercommunalité")),
                    ],
                    options={
                        'verbose_name': 'territoire',
                        'verbose_name_plural': 'territoires',
                        'ordering': ['name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='DocumentText',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField(blank=True)),
                        ('extracted_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('document', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='search_text', to='wagtaildocs.document')),
                    ],
                    options={
                        'verbose_name': 'texte de document',
                        'verbose_name_plural': 'textes de documents',
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
