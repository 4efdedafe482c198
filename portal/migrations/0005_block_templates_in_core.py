"""The shared blocks' templates moved to core/templates/core/blocks/ (no change in the database)."""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0004_territory_moved_to_core'),
    ]

    operations = [
        migrations.AlterField(
            model_name='standardpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 4), ('quote', 7), ('key_message', 10), ('document', 13)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Texte', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Titre de section'), ('h3', 'Sous-titre')], 'label': 'Niveau'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'icon': 'pilcrow', 'label': 'Paragraphe', 'template': 'core/blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image', 'template': 'core/blocks/image_block.html'}), 5: ('wagtail.blocks.TextBlock', (), {'label': 'Citation'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Auteur ou autrice', 'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('text', 5), ('author', 6)]], {}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Titre', 'max_length': 200}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'Message'}), 10: ('wagtail.blocks.StructBlock', [[('title', 8), ('text', 9)]], {}), 11: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Intitulé (facultatif)', 'max_length': 200, 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('document', 11), ('title', 12)]], {})}, verbose_name='contenu'),
        ),
    ]
