import time

from django.core.management.base import BaseCommand, CommandError

from portal.demo.loader import load_demo
from portal.generate import Generator, Sizes, is_generated
from portal.models import HomePage


class Command(BaseCommand):
    help = (
        "Crée des données générées à l'échelle d'un portail national (fiches, vidéos, outils, "
        "membres, espaces, sujets, messages), pour les mesures de performance."
    )

    def add_arguments(self, parser):
        defaults = Sizes()
        for name, value in vars(defaults).items():
            parser.add_argument(f"--{name}", type=int, default=value, help=f"défaut : {value}")
        parser.add_argument("--seed", type=int, default=1, help="graine du hasard (défaut : 1)")

    def handle(self, *args, **options):
        if is_generated():
            raise CommandError("Les données générées sont déjà là.")
        if not HomePage.objects.exists():
            load_demo()
        sizes = Sizes(**{name: options[name] for name in vars(Sizes())})
        started = time.monotonic()
        Generator(sizes, seed=options["seed"], log=self.stderr.write).run()
        self.stdout.write(f"Données générées en {time.monotonic() - started:.0f} s.")
