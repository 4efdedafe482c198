from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from forums.models import Space
from forums.services import membership_add

DEMO_PASSWORD = "demo-bloc-local"  # noqa: S105 - development only, refused when DEBUG is off
ADMIN, MEMBER = "admin", "membre"
ACCOUNTS = [
    # username, first name, last name, what they are
    ("admin", "Alice", "Administratrice", ADMIN),
    ("redactrice", "Rita", "Rédactrice", "Rédacteurs"),
    ("relecteur", "Rémi", "Relecteur", "Relecteurs"),
    ("membre", "Marie", "Membre", MEMBER),
]
MEMBER_SPACES = ["reseau-dgs-sg", "codir-pays-des-achards"]


class Command(BaseCommand):
    help = "Crée les comptes de démonstration (administration, rédaction, relecture, membre)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Les comptes de démonstration ne se créent qu'en développement (DEBUG)."
            )
        User = get_user_model()
        for username, first_name, last_name, kind in ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@bloc-local.example",
                    "is_staff": kind == ADMIN,
                    "is_superuser": kind == ADMIN,
                },
            )
            if not created:
                continue
            user.set_password(DEMO_PASSWORD)
            user.save()
            if kind == MEMBER:
                for space in Space.objects.filter(slug__in=MEMBER_SPACES):
                    membership_add(space=space, user=user)
            elif kind != ADMIN:
                user.groups.add(Group.objects.get(name=kind))
        self.stdout.write(
            self.style.SUCCESS(
                "\nLe portail : http://127.0.0.1:8000/\n"
                "L'administration : http://127.0.0.1:8000/admin/\n"
                f"Comptes de démonstration (mot de passe « {DEMO_PASSWORD} ») :\n"
                "  admin (administratrice), redactrice (Rédacteurs), relecteur (Relecteurs),\n"
                "  membre (membre du Réseau DGS-SG et du CoDir privé du Pays des Achards)\n"
            )
        )
