"""Our own e-mails to members, in plain text and HTML, through Django's e-mail settings."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send(*, template: str, to: str, context: dict) -> None:
    """Sends `accounts/email/<template>_subject.txt`, `…_message.txt` and `…_message.html`."""
    context = {"site_url": settings.WAGTAILADMIN_BASE_URL, **context}
    subject = " ".join(render_to_string(f"accounts/email/{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=render_to_string(f"accounts/email/{template}_message.txt", context),
        to=[to],
    )
    message.attach_alternative(
        render_to_string(f"accounts/email/{template}_message.html", context), "text/html"
    )
    message.send()
