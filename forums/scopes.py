"""What a write in the discussions makes stale: the cache scopes (`core.cache`) of the pages that
show it, and nothing else. A reaction changes its topic's thread; a post its thread, its space's
page, the space list and the discussions shown on the page its topic is about; a space its page
and the list; a member's name every thread (`MEMBERS`).

The services say what they change (`topic_changed`, …) where they write, inside `explicit`. The
writes of the admin (spaces, memberships, accounts) and of any other code reach the receivers
below (`connect`), which stand aside during a service, so that one write bumps once.
`cache.DISCUSSIONS` is still bumped by every write that shows: search's caches read it.
"""

import contextvars
import functools

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from core import cache

SPACES = "spaces"
MEMBERS = "members"
# What of an account the discussions show: its name, or "Membre supprimé".
SHOWN_USER_FIELDS = {"first_name", "last_name", "username", "is_active"}


# Sent with `topic_id` or `space_id` by every write that changes what a topic or a space
# shows to search (its posts, title, space, visibility): search keeps its documents by it,
# since the discussions import no feature app.
written = Signal()


def space(pk: int) -> str:
    """A space's page: its header, moderators, resources and topic list."""
    return f"space:{pk}"


def topic(pk: int) -> str:
    """A topic's thread."""
    return f"topic:{pk}"


def resource(pk: int) -> str:
    """The discussions listed on the resource page `pk`."""
    return f"discussions:{pk}"


def topic_changed(topic_, *, former_space_id=None, former_resource_id=None) -> None:
    """A topic or one of its posts was written: its thread, its space (and the one it left),
    the space list, the resource page it is about (and the one it was)."""
    scopes = {cache.DISCUSSIONS, SPACES, topic(topic_.pk), space(topic_.space_id)}
    if former_space_id:
        scopes.add(space(former_space_id))
    scopes.update(resource(pk) for pk in (topic_.resource_id, former_resource_id) if pk)
    cache.changed(*sorted(scopes))
    written.send(sender=None, topic_id=topic_.pk)


def thread_changed(topic_id: int) -> None:
    """What only its thread shows changed (a reaction)."""
    cache.changed(cache.DISCUSSIONS, topic(topic_id))


def space_changed(space_id: int) -> None:
    cache.changed(cache.DISCUSSIONS, SPACES, space(space_id))
    written.send(sender=None, space_id=space_id)


def membership_changed(space_id: int) -> None:
    """A space's page lists its moderators; the space list shows nothing of memberships."""
    cache.changed(cache.DISCUSSIONS, space(space_id))


def members_changed() -> None:
    cache.changed(cache.DISCUSSIONS, MEMBERS)


_in_service = contextvars.ContextVar("forums_scopes_in_service", default=False)


def in_service() -> bool:
    """Whether the code running is a service (`explicit`): its writes and what follows them
    (search's documents) then commit or roll back together."""
    return _in_service.get()


def explicit(service):
    """Runs `service`, which says itself what it changes: the receivers stand aside meanwhile."""

    @functools.wraps(service)
    def run(*args, **kwargs):
        token = _in_service.set(True)
        try:
            return service(*args, **kwargs)
        finally:
            _in_service.reset(token)

    return run


def _receiver(action):
    def receive(sender, instance, **kwargs):
        if not in_service():
            action(instance, **kwargs)

    return receive


def _topic_saved(instance, **kwargs) -> None:
    topic_changed(instance)


def _post_saved(instance, **kwargs) -> None:
    topic_changed(instance.topic)


def _attached(instance, **kwargs) -> None:
    topic_changed(instance.post.topic)


def _marked(instance, **kwargs) -> None:
    thread_changed(instance.post.topic_id)


def _space_saved(instance, **kwargs) -> None:
    space_changed(instance.pk)


def _membership_saved(instance, **kwargs) -> None:
    membership_changed(instance.space_id)


def _user_saved(instance, update_fields=None, created=False, **kwargs) -> None:
    # A new account has written nothing yet; a deleted one leaves "Membre supprimé".
    if created:
        return
    if update_fields is None or SHOWN_USER_FIELDS.intersection(update_fields):
        members_changed()


def connect() -> None:
    """Registers the receivers (ForumsConfig.ready)."""
    from .models import Attachment, Membership, Post, Reaction, Space, Topic

    receivers = {
        Space: _space_saved,
        Topic: _topic_saved,
        Post: _post_saved,
        Attachment: _attached,
        Reaction: _marked,
        Membership: _membership_saved,
        get_user_model(): _user_saved,
    }
    for model, action in receivers.items():
        for signal in (post_save, post_delete):
            signal.connect(
                _receiver(action),
                sender=model,
                weak=False,
                dispatch_uid=f"scopes-{model._meta.label}-{id(signal)}",
            )
    m2m_changed.connect(
        _receiver(_space_saved),
        sender=Space.resources.through,
        weak=False,
        dispatch_uid="scopes-space-resources",
    )
