from functools import cache

from .models import Notification


def notifications(request):
    """The member's unread notification count, for the header; counted once, only when shown
    (templates call the function when they first use it)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def unread_notifications() -> int:
        return Notification.objects.filter(user=user, read_at__isnull=True).count()

    return {"unread_notifications": unread_notifications}
