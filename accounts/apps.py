from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Membres")

    def ready(self):
        from django.contrib.auth import get_user_model

        from .permissions import may_post

        # forums.permissions.may_write asks `user.may_post`: the sign-up policy answers it.
        get_user_model().may_post = property(may_post)
