"""The sign-up policy, answered to Django's permission checks."""

from django.core.exceptions import PermissionDenied

from forums.permissions import WRITE

from .permissions import may_post


class SignUpPolicyBackend:
    """Answers `forums.permissions.WRITE` (may this account write in the spaces?) with the
    sign-up policy (`accounts.permissions.may_post`); it logs nobody in.

    First in AUTHENTICATION_BACKENDS, it answers before the model backend would read the
    account's permissions and groups: a yes costs no query, and a no stops there, since no
    permission row grants this one."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        if perm != WRITE:
            return False
        if user_obj.is_active and may_post(user_obj):
            return True
        raise PermissionDenied  # Django's way for a backend to end the check with a no
