from django.core.management.base import BaseCommand

from portal.demo.loader import load_demo


class Command(BaseCommand):
    help = "Charge le contenu de démonstration tiré du séminaire (sans effet s'il est déjà chargé)."

    def handle(self, *args, **options):
        load_demo(log=lambda message: self.stdout.write(f"  {message}"))
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
