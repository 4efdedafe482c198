from django.utils.functional import SimpleLazyObject

from .models import Notification


def notifications(request):
    """The member's unread notification count, for the header; counted only when shown."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.filter(user=user, read_at__isnull=True).count()
        )
    }
