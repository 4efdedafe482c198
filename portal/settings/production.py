"""Production settings: strict, everything secret comes from the environment."""

from .base import *  # noqa: F403

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A kept connection is checked before it is reused: after a database restart the first request
# connects again instead of failing (portal/errors.py answers 503 while it is down).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Behind nginx and Varnish (deploy/): the address typed by the visitor is the proxy's
# X-Forwarded-Host (allauth's links and redirects, checked against ALLOWED_HOSTS), HTTPS is
# X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER above).
USE_X_FORWARDED_HOST = env_bool("DJANGO_USE_X_FORWARDED_HOST", True)

LOGGING = logging_config(json_lines=os.environ.get("LOG_FORMAT", "json") == "json", level=LOG_LEVEL)

# Errors reported to a Sentry-compatible service (Sentry, GlitchTip…) when SENTRY_DSN is set:
# the optional extra `pip install ".[sentry]"`. No personal data is sent.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    try:
        import sentry_sdk
    except ImportError as error:
        raise ImproperlyConfigured(
            'SENTRY_DSN is set but sentry-sdk is not installed: pip install ".[sentry]"'
        ) from error
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
