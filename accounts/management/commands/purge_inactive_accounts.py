"""Run daily: warns inactive members a month before, then deletes their accounts, as the
privacy page promises (three years after the last log-in).

See `accounts.services.inactive_accounts_purge`."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts import services


class Command(BaseCommand):
    help = (
        "Prévient par e-mail, un mois avant, puis supprime les comptes sans connexion depuis "
        "trois ans (jamais ceux de l'équipe)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Dit ce qui serait fait, sans rien faire."
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        def progress(message: str) -> None:
            if verbosity >= 1:
                self.stdout.write(("[dry run] " if dry_run else "") + message)

        report = services.inactive_accounts_purge(
            now=timezone.now(), dry_run=dry_run, progress=progress
        )
        prefix = "would have " if dry_run else ""
        self.stdout.write(
            f"{prefix}warned {len(report.warned)}, {prefix}deleted {len(report.deleted)} "
            f"inactive account(s)."
        )
        for user in report.kept_staff:
            self.stdout.write(
                self.style.WARNING(
                    f"Staff account {user.pk} inactive since {user.last_seen:%Y-%m-%d}: "
                    "not deleted, to decide by hand."
                )
            )
