"""Our own e-mails to members, in plain text and HTML (core.emails)."""

from django.conf import settings
from django.template.loader import render_to_string

from core import emails


def send(*, template: str, to: str, context: dict) -> None:
    """Sends `accounts/email/<template>_subject.txt`, `…_message.txt` and `…_message.html`."""
    context = {"site_url": settings.WAGTAILADMIN_BASE_URL, **context}
    subject = " ".join(render_to_string(f"accounts/email/{template}_subject.txt", context).split())
    emails.send(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        template=f"accounts/email/{template}_message",
        to=to,
        context=context,
    )
