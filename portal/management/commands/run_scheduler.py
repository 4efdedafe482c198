"""The portal's one scheduler: runs each job when due (portal/scheduler.py), until stopped."""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from portal import scheduler


class Command(BaseCommand):
    help = "Runs the scheduled jobs when due; safe on several hosts at once."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run what is due now, then stop.")
        parser.add_argument(
            "--interval", type=float, default=30, help="Seconds between two looks (30)."
        )

    def handle(self, *args, once=False, interval=30, **options):
        stopping = []
        # A stop (systemd's SIGTERM) lets the running job finish.
        previous = {
            sig: signal.signal(sig, lambda *_: stopping.append(True))
            for sig in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            self.loop(once, interval, stopping)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def loop(self, once: bool, interval: float, stopping: list) -> None:
        while True:
            if not connection.in_atomic_block:  # (a test's transaction is kept)
                close_old_connections()  # a database restarted meanwhile: connect again
            try:
                ran = scheduler.run_due()
            except Exception as error:  # noqa: BLE001 - the database may be down for a while
                self.stderr.write(f"Scheduler: jobs not run this time ({type(error).__name__}).")
                ran = []
            for name in ran:
                self.stdout.write(f"Scheduler: {name} done.")
            if once or stopping:
                return
            deadline = time.monotonic() + interval
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.5)
            if stopping:
                return
