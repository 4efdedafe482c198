"""Settings of member accounts (django-allauth, profiles); imported at the end of base.py."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import INSTALLED_APPS, MIDDLEWARE

INSTALLED_APPS += ["allauth", "allauth.account", "allauth.mfa"]
MIDDLEWARE += [
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.AdminRequiresMFAMiddleware",
    "accounts.middleware.PrivateAccountPagesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    # First: it answers whether a member may write in the spaces (the sign-up policy) before
    # the model backend reads permissions for it; it logs nobody in.
    "accounts.backends.SignUpPolicyBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Everyone logs in through allauth, the Wagtail admin included (so two-factor applies there).
# Passwords are set, reset and changed only in allauth's pages (Wagtail's and Django's own
# password forms are off or redirect there; tests/portal/test_ways_in.py walks every URL).
LOGIN_URL = "account_login"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/compte/login/"  # pages restricted to logged-in members
LOGIN_REDIRECT_URL = "/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False  # accounts made in the admin choose theirs by reset
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False  # changed in /compte/email/, where it is verified
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party call, no hash of addresses, from the admin

# E-mail is the identifier; Django's username is filled in by allauth and never shown.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address at a time; a new one is verified before it replaces it
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Bloc local] "
# Members are professionals listed in a directory; a clear "address already used" message at
# sign-up matters more here than hiding which addresses have an account. Rate limits stay on.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_RATE_LIMITS = {}  # allauth's defaults (log-in failures, resets, sign-ups…), all on
# Rate limits count per client address (and per account): behind the reverse proxy that address
# is the one the proxy appends to X-Forwarded-For, not the proxy's own. 0 without a proxy.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "1"))

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Bloc local"

# `open`: a verified e-mail address is enough to post; `approval`: staff approve new members
# before they post (they read meanwhile).
ACCOUNT_SIGNUP_POLICY = os.environ.get("ACCOUNT_SIGNUP_POLICY", "open")
if ACCOUNT_SIGNUP_POLICY not in {"open", "approval"}:
    raise ImproperlyConfigured("ACCOUNT_SIGNUP_POLICY must be `open` or `approval`.")
ACCOUNTS_MAX_PHOTO_BYTES = int(os.environ.get("ACCOUNTS_MAX_PHOTO_MB", "2")) * 1024**2
ACCOUNTS_PHOTO_SIZE = 400  # pixels, the longest side of a stored photo
ACCOUNTS_DIRECTORY_PAGE_SIZE = 20
