from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_PASSWORD = "demo-bloc-local"  # noqa: S105 - development only, refused when DEBUG is off
ACCOUNTS = [
    # username, first name, group (None: administrator)
    ("admin", "Administratrice", None),
    ("redactrice", "Rédactrice", "Rédacteurs"),
    ("relecteur", "Relecteur", "Relecteurs"),
]


class Command(BaseCommand):
    help = (
        "Crée les comptes de démonstration (administrateur, rédactrice, relecteur) s'ils manquent."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Les comptes de démonstration ne se créent qu'en développement (DEBUG)."
            )
        User = get_user_model()
        for username, first_name, group_name in ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "email": f"{username}@bloc-local.example",
                    "is_staff": group_name is None,
                    "is_superuser": group_name is None,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
        self.stdout.write(
            self.style.SUCCESS(
                "\nLe portail : http://127.0.0.1:8000/\n"
                "L'administration : http://127.0.0.1:8000/admin/\n"
                f"Comptes de démonstration (mot de passe « {DEMO_PASSWORD} ») :\n"
                "  admin (administratrice), redactrice (Rédacteurs), relecteur (Relecteurs)\n"
            )
        )
