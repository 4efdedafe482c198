from django.core.management.base import BaseCommand

from agenda.tasks import send_reminders


class Command(BaseCommand):
    help = "Envoie le rappel des événements qui commencent bientôt (à lancer chaque heure)."

    def handle(self, *args, **options):
        sent = send_reminders.call()
        self.stdout.write(f"{sent} rappel(s) envoyé(s).")
