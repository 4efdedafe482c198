"""The one way the portal writes e-mails: a plain-text body and its HTML version, sent as one
multipart message through Django's e-mail settings."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def with_html(message: EmailMultiAlternatives, html: str) -> EmailMultiAlternatives:
    """`message`, whose body is the plain text, with `html` as its HTML version."""
    message.attach_alternative(html, "text/html")
    return message


def message(*, subject: str, template: str, to: list[str], context: dict) -> EmailMultiAlternatives:
    """The message of `template.txt` and `template.html` rendered with `context`."""
    return with_html(
        EmailMultiAlternatives(
            subject=subject, body=render_to_string(f"{template}.txt", context), to=to
        ),
        render_to_string(f"{template}.html", context),
    )


def send(*, subject: str, template: str, to: str, context: dict) -> None:
    """Sends `template.txt` and `template.html`, rendered with `context`, to `to`. Raises what
    the mail server raises (smtplib.SMTPException, OSError)."""
    message(subject=subject, template=template, to=[to], context=context).send()
