import time

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Job, Profile
from accounts.services import profile_for
from core.models import Territory
from forums.models import Space
from forums.services import membership_add

DEMO_PASSWORD = "demo-bloc-local"  # noqa: S105 - development only, refused when DEBUG is off
# The administration requires two-factor authentication: the demo accounts that reach it share
# this authenticator secret (add it to an authenticator app, or see `demo_accounts --code`).
DEMO_TOTP_SECRET = "BLOCLOCALDEMOTOTPBLOCLOCALDEMO23"  # noqa: S105 - development only
ADMIN, MEMBER = "admin", "membre"
ACCOUNTS = [
    # username, first name, last name, what they are
    ("admin", "Alice", "Administratrice", ADMIN),
    ("redactrice", "Rita", "Rédactrice", "Rédacteurs"),
    ("relecteur", "Rémi", "Relecteur", "Relecteurs"),
    ("membre", "Marie", "Membre", MEMBER),
]
MEMBER_SPACES = ["reseau-dgs-sg", "codir-pays-des-achards"]


def demo_email(username: str) -> str:
    return f"{username}@bloc-local.example"


def demo_totp_code() -> str:
    """The code an authenticator app shows now for DEMO_TOTP_SECRET."""
    return format_hotp_value(
        hotp_value(DEMO_TOTP_SECRET, int(time.time()) // mfa_settings.TOTP_PERIOD)
    )


class Command(BaseCommand):
    help = "Crée les comptes de démonstration (administration, rédaction, relecture, membre)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--code",
            action="store_true",
            help="Affiche seulement le code de double authentification valable maintenant.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Les comptes de démonstration ne se créent qu'en développement (DEBUG)."
            )
        if options["code"]:
            self.stdout.write(demo_totp_code())
            return
        User = get_user_model()
        for username, first_name, last_name, kind in ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": demo_email(username),
                    "is_staff": kind == ADMIN,
                    "is_superuser": kind == ADMIN,
                },
            )
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
            profile_for(user)
            if kind != MEMBER and not Authenticator.objects.filter(user=user).exists():
                TOTP.activate(user, DEMO_TOTP_SECRET)
            if not created:
                continue
            user.set_password(DEMO_PASSWORD)
            user.save()
            if kind == MEMBER:
                for space in Space.objects.filter(slug__in=MEMBER_SPACES):
                    membership_add(space=space, user=user)
                Profile.objects.filter(user=user).update(
                    job=Job.DGS, organisation="Communauté de communes du Pays des Achards",
                    in_directory=True,
                    territory=Territory.objects.filter(name="Pays des Achards").first(),
                )  # fmt: skip
            elif kind != ADMIN:
                user.groups.add(Group.objects.get(name=kind))
        self.stdout.write(
            self.style.SUCCESS(
                "\nLe portail : http://127.0.0.1:8000/\n"
                "L'administration : http://127.0.0.1:8000/admin/\n"
                f"Comptes de démonstration (mot de passe « {DEMO_PASSWORD} ») :\n"
                "  admin@bloc-local.example (administratrice),\n"
                "  redactrice@bloc-local.example (Rédacteurs),\n"
                "  relecteur@bloc-local.example (Relecteurs),\n"
                "  membre@bloc-local.example (membre du Réseau DGS-SG et du CoDir privé du Pays "
                "des Achards)\n"
                "L'administration demande un code de double authentification : ajoutez la clé "
                f"{DEMO_TOTP_SECRET} à une application d'authentification, ou affichez le code "
                "du moment avec `.venv/bin/python manage.py demo_accounts --code`.\n"
            )
        )
