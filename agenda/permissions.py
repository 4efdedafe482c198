"""Who may do what with the agenda, asked by its views, templates and e-mails alike."""

from django.utils import timezone


def can_register(user, event) -> bool:
    """A logged-in, active member, while registrations are open and the event has not begun
    (when it is full, the registration goes to the waiting list)."""
    return (
        user.is_authenticated
        and user.is_active
        and event.registration_open
        and event.start > timezone.now()
    )


def can_cancel(user, registration) -> bool:
    """The member themselves, until the event begins."""
    return (
        registration is not None
        and user.is_authenticated
        and registration.user_id == user.pk
        and registration.event.start > timezone.now()
    )


def can_see_online_link(user, event, registration) -> bool:
    """The online link is for the members with a seat (not those waiting), until it is over."""
    return (
        bool(event.online_url)
        and registration is not None
        and registration.user_id == getattr(user, "pk", None)
        and not registration.is_waiting
        and not event.is_past
    )
