from urllib.parse import quote

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .permissions import can_access_admin, can_access_django_admin

WAGTAIL_ADMIN_PREFIX = "/admin/"
DJANGO_ADMIN_PREFIX = "/django-admin/"
ADMIN_PREFIXES = (WAGTAIL_ADMIN_PREFIX, DJANGO_ADMIN_PREFIX)
ACCOUNT_PREFIX = "/compte/"
# The admin's own log-in address, a redirect to allauth's (portal/urls.py).
ADMIN_LOGIN_PATHS = ("/admin/login/", "/django-admin/login/")


def passed_two_factor(request) -> bool:
    """Whether this very session typed a two-factor code (at log-in, or again since): allauth
    records each step of a session's authentication. A session opened otherwise, by a password
    alone, does not count, whatever authenticators the account has."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


class AdminRequiresMFAMiddleware:
    """Whoever can reach the administration must have passed two-factor authentication in this
    session: without an authenticator app they are sent to enrol one, with one to type its code.
    Logged-in members without admin rights are told the administration is for the team, rather
    than sent to a log-in page that sends them back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            not request.path.startswith(ADMIN_PREFIXES)
            or request.path in ADMIN_LOGIN_PATHS
            or not user.is_authenticated
        ):
            return self.get_response(request)
        allowed = (
            can_access_django_admin(user)
            if request.path.startswith(DJANGO_ADMIN_PREFIX)
            else can_access_admin(user)
        )
        if not allowed:
            return render(request, "accounts/staff_only.html", status=403)
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            messages.info(
                request,
                _(
                    "L'administration demande la double authentification : activez-la avec "
                    "une application d'authentification pour continuer."
                ),
            )
            return redirect("mfa_activate_totp")
        if not passed_two_factor(request):
            messages.info(
                request,
                _(
                    "L'administration demande la double authentification : saisissez le code "
                    "de votre application d'authentification pour continuer."
                ),
            )
            return redirect(
                f"{reverse('mfa_reauthenticate')}?next={quote(request.get_full_path())}"
            )
        return self.get_response(request)


class PrivateAccountPagesMiddleware:
    """Every page of /compte/ (allauth's log-in, e-mail, password and two-factor pages, the
    profile, the personal data and its export) is for one person only: no shared or browser
    cache keeps it. (The notification pages, in forums, say so with a decorator.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ACCOUNT_PREFIX):
            patch_cache_control(response, private=True, no_store=True)
        return response
