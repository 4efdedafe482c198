from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

# What of a profile the spaces show beside a post: a change of one of them is every thread's.
SHOWN_IN_THREADS = {"job", "organisation", "in_directory", "handle"}


def _profile_saved(instance, update_fields=None, created=False, **kwargs) -> None:
    from forums import scopes

    if created:  # a new member has written nothing yet
        return
    if update_fields is None or SHOWN_IN_THREADS.intersection(update_fields):
        scopes.members_changed()


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Membres")

    def ready(self):
        from forums import authors

        from . import permissions
        from .models import Profile

        # The spaces show a post's author's profile to those the directory shows it to.
        authors.register(
            relation="profile",
            visible=permissions.can_see_profile,
            handle="handle",
            listed=permissions.is_listed,
        )
        for signal in (post_save, post_delete):
            signal.connect(
                _profile_saved, sender=Profile, weak=False, dispatch_uid=f"profile-{id(signal)}"
            )
