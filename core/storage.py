"""Where uploaded files are kept."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_join

DOCUMENTS = "documents/"


class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT (served by the proxy at /media/), except Wagtail's documents (names under
    `documents/`), kept in PORTAL_DOCUMENTS_ROOT, which nothing serves: they go out only through
    the serve view, which asks the pages' privacy (core.documents)."""

    def path(self, name):
        if name.replace("\\", "/").startswith(DOCUMENTS):
            return safe_join(settings.PORTAL_DOCUMENTS_ROOT, name[len(DOCUMENTS) :])
        return super().path(name)

    def _save(self, name, content):
        saved = super()._save(name, content)  # relative to MEDIA_ROOT, even for a document
        if not name.replace("\\", "/").startswith(DOCUMENTS):
            return saved
        full_path = os.path.normpath(os.path.join(self.location, saved))
        relative = os.path.relpath(full_path, settings.PORTAL_DOCUMENTS_ROOT)
        return DOCUMENTS + relative.replace("\\", "/")
