from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SituateConfig(AppConfig):
    """ "Se situer": a member answers the path's questions and sees where their territory
    stands on the twelve steps, and what helps next."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "situate"
    verbose_name = _("Se situer")
