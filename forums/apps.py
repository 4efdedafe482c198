from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Espaces d'échange")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import permissions, selectors
        from .models import Membership, Notification, Suspension

        for signal in (post_save, post_delete):
            for model in (Membership, Suspension):
                signal.connect(permissions.member_changed, sender=model)
            signal.connect(selectors.notification_changed, sender=Notification)
