"""Settings shared by every environment; everything that varies is read from the environment.

Each variable is documented in the README and in `.env.example`.
"""

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core import uploads
from portal.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key"  # noqa: S105 - only ever used with DEBUG on

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# In layers: core at the bottom, the feature apps, portal (the site shell) at the top.
INSTALLED_APPS = [
    "core",
    "experiences",
    "resources",
    "agenda",
    "accounts",
    "forums",
    "search",
    "situate",
    "portal",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "portal.logs.RequestIdMiddleware",  # each log line and response with the request's id
    "portal.health.HealthMiddleware",  # /sante/, before any redirect, session or site
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.NullCharacterMiddleware",
    "core.cache.RequestMemoMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

FRAGMENT_CACHE_LIBRARIES = {
    "cache": "core.templatetags.fragment_cache",
    "wagtail_cache": "core.templatetags.fragment_cache",
}
# Django warns that these labels name two libraries: they replace the originals on purpose.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.navigation",
                "core.cache.fragments",
                "forums.context_processors.notifications",
            ],
            # The fragment cache tags under their usual names, off with the caches and in
            # previews (core/templatetags/fragment_cache.py).
            "libraries": FRAGMENT_CACHE_LIBRARIES,
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The pictures served by Django itself: in development, and by `runserver` without DEBUG in the
# browser tests; in production the proxy serves /media/.
PORTAL_SERVE_MEDIA = DEBUG or env_bool("PORTAL_SERVE_MEDIA")
# Wagtail's documents: not under MEDIA_ROOT, served only by their view (core.documents).
PORTAL_DOCUMENTS_ROOT = Path(
    os.environ.get("PORTAL_DOCUMENTS_ROOT", BASE_DIR / "private-media" / "documents")
)
STORAGES = {
    "default": {"BACKEND": "core.storage.MediaStorage"},  # documents outside MEDIA_ROOT
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# E-mail: console in development; SMTP when EMAIL_URL or EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Bloc local <ne-pas-repondre@bloc-local.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_email_url = urlsplit(os.environ.get("EMAIL_URL", ""))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if _email_url.scheme in {"smtp", "smtps"}:
    # smtp://user:password@host:587 (STARTTLS; `?tls=0` for none) or smtps://…:465 (TLS).
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email_url.hostname or ""
    EMAIL_HOST_USER = unquote(_email_url.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email_url.password or "")
    EMAIL_USE_SSL = _email_url.scheme == "smtps"
    EMAIL_USE_TLS = not EMAIL_USE_SSL and "tls=0" not in _email_url.query
    EMAIL_PORT = _email_url.port or (465 if EMAIL_USE_SSL else 587)
elif _email_url.scheme:
    raise ImproperlyConfigured("EMAIL_URL must start with smtp:// or smtps://.")
elif EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# A folder, so that the server's processes share one cache (see core/cache.py); Redis, shared
# by several hosts, when REDIS_URL is set (core/redis_cache.py: out of reach, pages are served
# uncached).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("REDIS_KEY_PREFIX", "blocal"),
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "core.file_cache.FileCache",  # Django's, culled now and then
            "LOCATION": os.environ.get("CACHE_DIR", BASE_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Sessions are read from the cache, written through to the database: a cache that is emptied or
# out of reach loses none.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anything cached (whole pages, fragments, lists, searches) is kept at most this long; 0: nothing
# is (core/cache.py).
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))

# /sante/ fails when a task has waited longer than this for the database worker (portal/health.py).
PORTAL_HEALTH_TASK_SECONDS = int(os.environ.get("PORTAL_HEALTH_TASK_SECONDS", "900"))

# The front caches (Varnish, deploy/varnish.vcl) told of each change (core/front_cache.py), and
# purged by Wagtail on publishing: their addresses, comma-separated (http://127.0.0.1:6081).
PORTAL_FRONT_CACHE_URLS = env_list("PORTAL_FRONT_CACHE_URLS")
if PORTAL_FRONT_CACHE_URLS:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = {
        f"varnish{index}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
        for index, url in enumerate(PORTAL_FRONT_CACHE_URLS)
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Bloc local"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_WORKFLOW_ENABLED = True

# The read-only API (portal/api.py): requests allowed per client address, as "120/min" (per
# s, min, h or day); empty: no limit.
PORTAL_API_RATE = os.environ.get("PORTAL_API_RATE", "120/min").strip()
if PORTAL_API_RATE and not re.fullmatch(r"[1-9][0-9]*/(s|sec|min|h|hour|day)", PORTAL_API_RATE):
    raise ImproperlyConfigured("PORTAL_API_RATE must read like 120/min (per s, min, h or day).")

# Search. The database backend by default; OpenSearch when OPENSEARCH_URL names its nodes
# (comma-separated). The database index is then kept too: the search page answers from it
# while OpenSearch is unavailable (search/backends.py).
# search/sqlite.py ranks SQLite's matches in one pass over its full-text index.
DATABASE_SEARCH = {"BACKEND": "search.sqlite"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # French, not PostgreSQL's default English. Our own stems (core/text.py) are indexed
    # beside the text and fold accents, which PostgreSQL's French configuration does not.
    # search/postgres.py lets PostgreSQL use its full-text indexes.
    DATABASE_SEARCH.update(BACKEND="search.postgres", SEARCH_CONFIG="french")
OPENSEARCH_URLS = [url.strip() for url in os.environ.get("OPENSEARCH_URL", "").split(",") if url]
if OPENSEARCH_URLS:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "URLS": OPENSEARCH_URLS,
            "INDEX_PREFIX": os.environ.get("OPENSEARCH_INDEX_PREFIX", "blocal_"),
            "TIMEOUT": int(os.environ.get("OPENSEARCH_TIMEOUT", "5")),
            "OPTIONS": {"max_retries": len(OPENSEARCH_URLS)},
            "INDEX_SETTINGS": {
                "settings": {
                    "index": {
                        "number_of_shards": 1,
                        "number_of_replicas": int(
                            os.environ.get("OPENSEARCH_REPLICAS", min(len(OPENSEARCH_URLS) - 1, 1))
                        ),
                    },
                    "analysis": {
                        "filter": {
                            "french_elision": {
                                "type": "elision",
                                "articles_case": True,
                                "articles": [
                                    "l",
                                    "m",
                                    "t",
                                    "qu",
                                    "n",
                                    "s",
                                    "j",
                                    "d",
                                    "c",
                                    "jusqu",
                                    "quoiqu",
                                    "lorsqu",
                                    "puisqu",
                                ],  # fmt: skip
                            },
                            "french_stemmer": {"type": "stemmer", "language": "light_french"},
                        },
                        # Every text field without an analyser of its own: French words,
                        # accents folded.
                        "analyzer": {
                            "default": {
                                "tokenizer": "standard",
                                "filter": [
                                    "french_elision",
                                    "lowercase",
                                    "asciifolding",
                                    "french_stemmer",
                                ],
                            }
                        },
                    },
                }
            },
        },
        "database": DATABASE_SEARCH,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH}
# Uploads follow one policy (core/uploads.py): its kinds, checked by content; every file served
# as attachment (WAGTAILDOCS_INLINE_CONTENT_TYPES empty) with its kind's type, never an SVG.
WAGTAILDOCS_EXTENSIONS = uploads.DOCUMENT_EXTENSIONS
WAGTAILDOCS_CONTENT_TYPES = {
    extension: uploads.KINDS[extension].served_type for extension in uploads.DOCUMENT_EXTENSIONS
}
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024  # videos are uploaded as documents
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = uploads.WAGTAIL_IMAGE_EXTENSIONS
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# PeerTube, YouTube and Dailymotion videos as placeholders until the reader asks, without an
# oEmbed request (resources/embeds.py); other addresses through their oEmbed providers.
WAGTAILEMBEDS_FINDERS = [
    {"class": "resources.embeds.HostedVideoFinder"},
    {"class": "wagtail.embeds.finders.oembed"},
]

# Security headers on every response; production adds HTTPS-only cookies and HSTS.
# The public site runs no inline script or style. Wagtail's admin still has inline scripts, so it
# is left out of this policy rather than weakening it for everyone.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF, "https:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        # The players of hosted videos, framed once the reader asks (resources/embeds.py; a
        # PeerTube instance's is added by the page that shows it).
        "frame-src": ["https://www.youtube-nocookie.com", "https://www.dailymotion.com"],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Uploads: Wagtail checks images by decoding them (Willow/Pillow, with the pixel limit below
# against decompression bombs); documents are checked by content in core.uploads.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.forms.CheckedDocumentForm"

# Background work (notification e-mails, search index retries). Development and tests run tasks
# at once; production sets TASKS_BACKEND=django_tasks_db.DatabaseBackend and runs
# `manage.py db_worker` beside the web server.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Events: how long before an event its registered members are reminded (see the README).
EVENTS_REMINDER_HOURS = int(os.environ.get("EVENTS_REMINDER_HOURS", "24"))

# Discussion spaces (see the README for each).
FORUMS_MIN_SECONDS_BETWEEN_POSTS = int(os.environ.get("FORUMS_MIN_SECONDS_BETWEEN_POSTS", "15"))
FORUMS_NEW_ACCOUNT_HOURS = int(os.environ.get("FORUMS_NEW_ACCOUNT_HOURS", "24"))
FORUMS_NEW_ACCOUNT_MAX_TOPICS = int(os.environ.get("FORUMS_NEW_ACCOUNT_MAX_TOPICS", "2"))
# An invitation to a space may be accepted for this many days; a moderator sends at most so many
# invitations a day.
FORUMS_INVITATION_DAYS = int(os.environ.get("FORUMS_INVITATION_DAYS", "14"))
FORUMS_INVITATIONS_PER_DAY = int(os.environ.get("FORUMS_INVITATIONS_PER_DAY", "30"))
FORUMS_MENTION_LOOKUPS_PER_MINUTE = int(os.environ.get("FORUMS_MENTION_LOOKUPS_PER_MINUTE", "60"))
FORUMS_UNANSWERED_HOURS = int(os.environ.get("FORUMS_UNANSWERED_HOURS", "48"))
FORUMS_MAX_ATTACHMENT_BYTES = int(os.environ.get("FORUMS_MAX_ATTACHMENT_MB", "5")) * 1024**2
FORUMS_ATTACHMENTS_ROOT = Path(
    os.environ.get("FORUMS_ATTACHMENTS_ROOT", BASE_DIR / "private-media")
)

# To the console, each line with its request's id (portal/logs.py): text, or JSON lines
# (LOG_FORMAT=json, production's default).
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = logging_config(json_lines=os.environ.get("LOG_FORMAT", "text") == "json", level=LOG_LEVEL)

# Accounts (django-allauth, profiles): kept in their own module.
from .accounts import *  # noqa: E402

# Innermost, after the page caches: a page served from a cache never looks its site up.
MIDDLEWARE += ["portal.middleware.CachedSiteMiddleware"]
