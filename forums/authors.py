"""What the spaces show of a post's author beside their name: their profile (a link to it,
their job and organisation), which `accounts` owns and the spaces cannot import (they stand
below it). `accounts` tells them, once, in its `ready()`: the relation from the user to the
profile, which the thread's query joins, its rule of who may see a profile, and the profile's
field of the member's handle."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower

_relation: str | None = None
_visible: Callable | None = None
_handle: str | None = None
_listed: Callable | None = None


def register(
    *, relation: str, visible: Callable, handle: str | None = None, listed: Callable | None = None
) -> None:
    """`relation`: the user's one-to-one to their profile; `visible(viewer, profile)`: whether
    `viewer` may see it (the directory's rule); `handle`: the profile's field of the member's
    handle (what `@` mentions); `listed(profile)`: whether members see that profile (a mention
    links to it)."""
    global _relation, _visible, _handle, _listed
    _relation, _visible, _handle, _listed = relation, visible, handle, listed


def directory_lookup() -> str | None:
    """The user's path to whether their profile is in the members' directory, for queries
    (a name that is no secret), or None."""
    return f"{_relation}__in_directory" if _relation else None


def handle_lookup() -> str | None:
    """The user's path to their handle, for queries (`profile__handle`), or None."""
    return f"{_relation}__{_handle}" if _relation and _handle else None


def handle_of(user) -> str:
    """The handle of `user` ("" if none); the thread's query joined their profile."""
    if user is None or not user.is_active or not (_relation and _handle):
        return ""
    return getattr(getattr(user, _relation, None), _handle, None) or ""


def members_by_handle(handles) -> dict:
    """The active members whose handle is one of `handles` (lower case), by handle: one query,
    their profiles joined."""
    lookup = handle_lookup()
    if not handles or lookup is None:
        return {}
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .annotate(mention_handle=Lower(lookup))
        .filter(mention_handle__in=sorted(handles))
        .select_related(_relation)
    )
    return {user.mention_handle: user for user in users}


def listed_profile(user):
    """The profile of `user` that members see (in the directory), or None."""
    profile = getattr(user, _relation, None) if _relation else None
    return profile if profile is not None and (_listed is None or _listed(profile)) else None


def mention_links(members: dict) -> dict[str, str]:
    """handle -> profile address, for the mentioned members whose profile members see: a
    mention links to a page its reader may open."""
    return {
        handle: profile.get_absolute_url()
        for handle, user in members.items()
        if (profile := listed_profile(user)) is not None
    }


def thread_related() -> tuple[str, ...]:
    """What the query of a thread's posts joins: the authors, and their profiles."""
    return ("author", f"author__{_relation}") if _relation else ("author",)


def shown_profile(viewer, author):
    """The profile of `author` that `viewer` may see beside their posts, or None. The thread's
    query joined it: no query here."""
    if author is None or _relation is None or _visible is None:
        return None
    profile = getattr(author, _relation, None)
    if profile is None or not _visible(viewer, profile):
        return None
    return profile
