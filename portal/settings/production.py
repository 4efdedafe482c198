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
