from django.core.management.base import BaseCommand

from forums.tasks import send_unanswered_questions


class Command(BaseCommand):
    help = (
        "Envoie aux experts volontaires les questions restées sans réponse (à lancer chaque jour)."
    )

    def handle(self, *args, **options):
        sent = send_unanswered_questions.call()
        self.stdout.write(f"{sent} e-mail(s) envoyé(s).")
