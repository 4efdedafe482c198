from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground every app builds on; it imports none of them."""

    name = "core"
    label = "core"
    verbose_name = _("Socle")

    def ready(self):
        from . import plurals, renditions

        plurals.install()
        renditions.connect()
