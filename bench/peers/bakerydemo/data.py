"""bakerydemo's own demo data (load_initial_data) and the bench's member; run by bench.peers in
the peer's virtualenv, idempotent."""

import time

import django

MEMBER = "bench-member"
PASSWORD = "bench-peers"  # noqa: S105 - a local benchmark account


def main() -> None:
    django.setup()
    from bakerydemo.breads.models import BreadPage
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    if BreadPage.objects.exists():
        print("peers: bakerydemo: demo data already loaded")  # noqa: T201
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
