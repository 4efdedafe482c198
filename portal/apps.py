from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portail")

    def ready(self):
        from core import cache

        from . import page_cache

        cache.connect(scopes=page_cache.SCOPES, unwatched=page_cache.UNWATCHED_MODELS)
