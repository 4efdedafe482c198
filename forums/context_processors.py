from functools import cache

from .selectors import unread_count


def notifications(request):
    """The member's unread notification count, for the header; counted once, only when shown
    (templates call the function when they first use it)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def unread_notifications() -> int:
        return unread_count(user)

    return {"unread_notifications": unread_notifications}
