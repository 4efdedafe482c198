"""The signed token of a cancellation link: it names a registration, works without logging in,
and is spent once the registration is cancelled (deleted)."""

from django.core import signing

from .models import Registration

CANCEL_SALT = "agenda.cancel"


def cancellation_token(registration: Registration) -> str:
    """The signed token of the cancellation link sent with the confirmation."""
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_from_token(token: str) -> tuple[int, Registration | None]:
    """(pk, its registration or None if already cancelled) of a token; raises
    signing.BadSignature for a token not ours."""
    pk = signing.loads(token, salt=CANCEL_SALT)
    if not isinstance(pk, int):
        raise signing.BadSignature
    return pk, Registration.objects.select_related("event", "user").filter(pk=pk).first()
