"""Moves the files of Wagtail's documents out of MEDIA_ROOT (which the proxy serves) into
PORTAL_DOCUMENTS_ROOT, served only by the documents' view (core.documents)."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations


def move_document_files(apps, schema_editor):
    old = Path(settings.MEDIA_ROOT) / "documents"
    if not old.is_dir():
        return
    new = Path(settings.PORTAL_DOCUMENTS_ROOT)
    new.mkdir(parents=True, exist_ok=True)
    for item in old.iterdir():
        if not (new / item.name).exists():
            shutil.move(str(item), str(new / item.name))


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_editorial_workflow")]

    operations = [migrations.RunPython(move_document_files, migrations.RunPython.noop)]
