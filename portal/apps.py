from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portail")

    def ready(self):
        from . import page_cache

        page_cache.connect()
