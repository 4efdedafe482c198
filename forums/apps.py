from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Espaces d'échange")

    def ready(self):
        from allauth.account.signals import email_confirmed

        from . import scopes

        scopes.connect()
        email_confirmed.connect(
            _offer_invitations, weak=False, dispatch_uid="forums-offer-invitations"
        )


def _offer_invitations(sender, request, email_address, **kwargs):
    """The invitations waiting for an address are offered once it is verified."""
    from .invitations import offer_on_verification

    offer_on_verification(email_address=email_address)
