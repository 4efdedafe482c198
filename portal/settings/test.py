"""Test settings: fast hasher, in-memory cache and e-mail, media in a temporary folder."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-key")

from .base import *  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PORTAL_PAGE_CACHE_SECONDS = 0  # tests see each page rendered; tests/portal/test_page_cache.py
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="blocal-media-"))
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
ALLOWED_HOSTS = ["*"]
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="blocal-static-"))
FORUMS_ATTACHMENTS_ROOT = Path(tempfile.mkdtemp(prefix="blocal-private-"))
PORTAL_DOCUMENTS_ROOT = Path(tempfile.mkdtemp(prefix="blocal-documents-"))
WHITENOISE_USE_FINDERS = True

for folder in (MEDIA_ROOT, STATIC_ROOT, FORUMS_ATTACHMENTS_ROOT, PORTAL_DOCUMENTS_ROOT):
    atexit.register(shutil.rmtree, folder, ignore_errors=True)

if OPENSEARCH_URLS:
    # An index of its own, read back at once after each write.
    # Indexes of this run only (runs may share a node): tests/conftest.py deletes them after.
    WAGTAILSEARCH_BACKENDS["default"].update(
        INDEX_PREFIX=f"blocal_test_{os.getpid()}_", REFRESH_ON_WRITE=True, TIMEOUT=3
    )
