"""bakerydemo's own demo data (load_initial_data) and the bench's member; run by bench.peers in
the peer's virtualenv, idempotent."""

import shutil
import time
from pathlib import Path

import django

MEMBER = "bench-member"
PASSWORD = "bench-peers"  # noqa: S105 - a local benchmark account


def main() -> None:
    django.setup()
    from bakerydemo.breads.models import BreadPage
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    if BreadPage.objects.exists():
        print("peers: bakerydemo: demo data already loaded")  # noqa: T201
        # The database may have been loaded from another checkout of the portal, whose
        # bench/.peers holds the media files: the original images are copied here too, as
        # load_initial_data would (renditions missing from the database are made from them).
        fixtures = Path(settings.PROJECT_DIR) / "base" / "fixtures" / "media"
        shutil.copytree(fixtures, settings.MEDIA_ROOT, dirs_exist_ok=True)
    else:
        started = time.monotonic()
        call_command("load_initial_data")
        print(f"peers: bakerydemo: load_initial_data in {time.monotonic() - started:.0f} s")  # noqa: T201
    users = get_user_model().objects
    if not users.filter(username=MEMBER).exists():
        # A visitor with an account and no access to the admin, like a portal member.
        users.create_user(MEMBER, f"{MEMBER}@example.org", PASSWORD)


if __name__ == "__main__":
    main()
