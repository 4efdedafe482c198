from django.core.management.base import BaseCommand

from forums.models import EmailFrequency
from forums.tasks import send_notification_emails


class Command(BaseCommand):
    help = (
        "Envoie les e-mails de notification en attente : immédiats (à lancer toutes les "
        "quelques minutes pour rattraper un serveur de courrier en panne), résumés quotidiens "
        "ou hebdomadaires."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=[
                choice
                for choice, _label in EmailFrequency.choices
                if choice != EmailFrequency.NEVER
            ],
            default=EmailFrequency.IMMEDIATE,
        )

    def handle(self, *args, frequency, **options):
        sent = send_notification_emails.call(frequency)
        self.stdout.write(f"{sent} e-mail(s) envoyé(s).")
