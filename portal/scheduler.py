"""The one scheduler of the portal's jobs (`manage.py run_scheduler`, deploy/bloc-local-
scheduler.service): scheduled publishing, notification e-mails and digests, unanswered questions,
index retries and the account purge, each at its times.

It may run on several hosts at once, and a job still does its work once per time it is due:
- each job runs under its lock (`job_lock`: PostgreSQL's advisory lock, held by the session;
  on SQLite, one host, a cache `add`), so two runs of one job never overlap;
- each time a job is due (its slot: the latest scheduled moment) is claimed by one row
  (`JobRun`, unique by job and slot): whoever inserts it runs the slot, the others skip it.
A scheduler stopped at the time of a job runs it when it is back (the slot is still unclaimed).
The jobs are idempotent besides (an e-mail is marked sent only once the server took it).
"""

import contextlib
import datetime
import logging
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import JobRun

logger = logging.getLogger(__name__)

RUNS_KEPT = datetime.timedelta(days=30)
LOCK_SECONDS = 6 * 3600  # the SQLite lock of a scheduler killed mid-job expires


def _always() -> bool:
    return True


def _with_opensearch() -> bool:
    return bool(settings.OPENSEARCH_URLS)


@dataclass(frozen=True)
class Job:
    """A management command run every `every`, or each day (`weekday`: only that day, 0 is
    Monday) at `at`, local time."""

    name: str
    command: tuple[str, ...]
    every: datetime.timedelta | None = None
    at: datetime.time | None = None
    weekday: int | None = None
    enabled: Callable[[], bool] = field(default=_always)

    def slot(self, now: datetime.datetime) -> datetime.datetime:
        """The latest moment at or before `now` when this job was due."""
        if self.every:
            step = int(self.every.total_seconds())
            return datetime.datetime.fromtimestamp(
                int(now.timestamp()) // step * step, tz=datetime.UTC
            )
        local = timezone.localtime(now)
        moment = local.replace(hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0)
        while moment > local or (self.weekday is not None and moment.weekday() != self.weekday):
            moment -= datetime.timedelta(days=1)
        return moment


EVERY_5_MINUTES = datetime.timedelta(minutes=5)
MORNING = datetime.time(7, 0)
JOBS = (
    Job("publish_scheduled", ("publish_scheduled",), every=EVERY_5_MINUTES),
    Job("notifications", ("send_notifications",), every=EVERY_5_MINUTES),
    Job(
        "retry_index_updates",
        ("retry_index_updates",),
        every=EVERY_5_MINUTES,
        enabled=_with_opensearch,
    ),
    Job("event_reminders", ("send_event_reminders",), every=datetime.timedelta(hours=1)),
    Job("daily_digest", ("send_notifications", "--frequency", "daily"), at=MORNING),
    Job("unanswered_questions", ("send_unanswered_questions",), at=MORNING),
    Job("purge_inactive_accounts", ("purge_inactive_accounts",), at=MORNING),
    Job("weekly_digest", ("send_notifications", "--frequency", "weekly"), at=MORNING, weekday=0),
)


@contextlib.contextmanager
def job_lock(name: str) -> Iterator[bool]:
    """Yields whether this process holds the job's lock (then released), without waiting."""
    if connection.vendor == "postgresql":
        key = zlib.crc32(f"bloc-local-job:{name}".encode())
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    lock_key, token = f"scheduler:lock:{name}", uuid.uuid4().hex
    held = cache.add(lock_key, token, LOCK_SECONDS)
    try:
        yield held
    finally:
        if held and cache.get(lock_key) == token:
            cache.delete(lock_key)


def claim(job: Job, slot: datetime.datetime) -> JobRun | None:
    """The run of this slot if this process is the first to claim it, else None."""
    try:
        with transaction.atomic():
            return JobRun.objects.create(job=job.name, slot=slot)
    except IntegrityError:
        return None


def run_job(job: Job, now: datetime.datetime) -> bool:
    """Runs the job if its slot is due and no one ran it or runs it now: whether it ran."""
    with job_lock(job.name) as held:
        if not held:
            return False
        run = claim(job, job.slot(now))
        if run is None:
            return False
        try:
            call_command(*job.command)
        except Exception:  # noqa: BLE001 - one failing job never stops the others
            logger.exception("Scheduled job %s failed; it runs again at its next time", job.name)
            run.failed = True
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at", "failed"])
        return True


def run_due(now: datetime.datetime | None = None, jobs=JOBS) -> list[str]:
    """Runs every job due at `now` that no scheduler ran yet; the names of those it ran."""
    now = now or timezone.now()
    ran = [job.name for job in jobs if job.enabled() and run_job(job, now)]
    JobRun.objects.filter(slot__lt=now - RUNS_KEPT).delete()
    return ran
