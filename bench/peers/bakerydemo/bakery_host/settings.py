"""bakerydemo's own production settings (DEBUG off, WhiteNoise), served the portal's way.

Changed: the hosts (127.0.0.1 only), a file-based cache like the portal's (bakerydemo's default
is a per-process memory cache when no Redis is set), sessions read from that cache and written
through to the database (the portal's engine), media and static files outside the checkout.
"""

import os
from pathlib import Path

from bakerydemo.settings.production import *  # noqa: F403

STATE = Path(os.environ["PEER_STATE"])

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(STATE / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
    if os.environ.get("PEER_CACHES", "1") == "1"
    else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
MEDIA_ROOT = str(STATE / "media")
STATIC_ROOT = str(STATE / "static")
LOGGING["loggers"]["django"]["level"] = "WARNING"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
