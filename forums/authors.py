"""What the spaces show of a post's author beside their name: their profile (a link to it,
their job and organisation), which `accounts` owns and the spaces cannot import (they stand
below it). `accounts` tells them, once, in its `ready()`: the relation from the user to the
profile, which the thread's query joins, and its rule of who may see a profile."""

from collections.abc import Callable

_relation: str | None = None
_visible: Callable | None = None


def register(*, relation: str, visible: Callable) -> None:
    """`relation`: the user's one-to-one to their profile; `visible(viewer, profile)`: whether
    `viewer` may see it (the directory's rule)."""
    global _relation, _visible
    _relation, _visible = relation, visible


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
