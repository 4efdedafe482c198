from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .permissions import can_access_admin

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class AdminRequiresMFAMiddleware:
    """Whoever can reach the administration must use two-factor authentication: without an
    authenticator app they are sent to enrol one before any admin page. (Once enrolled, allauth
    asks for the code at every log-in, and every log-in goes through allauth.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(ADMIN_PREFIXES)
            and can_access_admin(request.user)
            and not Authenticator.objects.filter(
                user=request.user, type=Authenticator.Type.TOTP
            ).exists()
        ):
            messages.info(
                request,
                _(
                    "L'administration demande la double authentification : activez-la avec "
                    "une application d'authentification pour continuer."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
