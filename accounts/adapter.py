import uuid

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core import emails
from core.text import strip_bidi_controls

from .models import Approval
from .services import profile_create


class AccountAdapter(DefaultAccountAdapter):
    """allauth as Bloc local wants it: a profile for each new member, e-mails in HTML too."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit and profile_create(user=user).approval == Approval.PENDING:
            messages.info(
                request,
                _(
                    "Bienvenue ! L'équipe de Bloc local va valider votre inscription : vous "
                    "pouvez lire les espaces dès maintenant et y écrirez une fois validé·e."
                ),
            )
        return user

    def generate_unique_username(self, txts, regex=None):
        """The username is never shown (the e-mail address is the identifier): when allauth
        finds none in what was typed (a name made of characters it cannot keep), a random one
        does, rather than a failed sign-up."""
        try:
            return super().generate_unique_username(txts, regex)
        except NotImplementedError:
            return f"membre-{uuid.uuid4().hex[:16]}"

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth writes its e-mails (in French, from its catalogue) as plain text; each also
        gets an HTML version in the site's e-mail layout."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            html = render_to_string("accounts/email/allauth_message.html", {"text": message.body})
            emails.with_html(message, html)
        return message


def user_display(user) -> str:
    """How allauth names a member in its messages: never the hidden username."""
    return strip_bidi_controls(user.get_full_name() or user.email)
