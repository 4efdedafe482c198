"""The one scheduler (portal/scheduler.py): each job at its times, once per time even with
schedulers on several hosts at once, a failing job never stopping the others."""

import datetime
import io
import threading
import time
import zoneinfo

import pytest
from django.core.management import call_command
from django.db import connection

from portal import scheduler
from portal.models import JobRun

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
MONDAY_0705 = datetime.datetime(2026, 11, 30, 7, 5, tzinfo=PARIS)
EVERY = scheduler.Job("every", ("check",), every=datetime.timedelta(minutes=5))
DAILY = scheduler.Job("daily", ("check",), at=datetime.time(7, 0))
WEEKLY = scheduler.Job("weekly", ("check",), at=datetime.time(7, 0), weekday=0)


@pytest.fixture
def commands(monkeypatch):
    """The commands the scheduler runs, recorded instead of run (each takes a little while)."""
    ran = []

    def record(*args):
        time.sleep(0.05)
        ran.append(args)

    monkeypatch.setattr(scheduler, "call_command", record)
    return ran


def test_slots_are_the_latest_due_moment():
    at = datetime.datetime(2026, 12, 2, 6, 59, tzinfo=PARIS)  # a Wednesday, before 7:00
    assert EVERY.slot(at) == datetime.datetime(2026, 12, 2, 6, 55, tzinfo=PARIS)
    assert DAILY.slot(at) == datetime.datetime(2026, 12, 1, 7, 0, tzinfo=PARIS)
    assert DAILY.slot(at.replace(hour=7)) == datetime.datetime(2026, 12, 2, 7, 0, tzinfo=PARIS)
    assert WEEKLY.slot(at) == datetime.datetime(2026, 11, 30, 7, 0, tzinfo=PARIS)


@pytest.mark.django_db
def test_a_second_scheduler_does_not_run_a_slot_again(commands):
    jobs = (EVERY, DAILY)
    assert scheduler.run_due(MONDAY_0705, jobs) == ["every", "daily"]
    assert scheduler.run_due(MONDAY_0705 + datetime.timedelta(minutes=2), jobs) == []
    assert len(commands) == 2
    assert scheduler.run_due(MONDAY_0705 + datetime.timedelta(minutes=5), jobs) == ["every"]


@pytest.mark.django_db
def test_a_job_running_elsewhere_is_left_for_later(commands):
    # Elsewhere: another thread, with its own connection (PostgreSQL's advisory locks are
    # re-entrant within one session).
    held, release = threading.Event(), threading.Event()

    def elsewhere():
        try:
            with scheduler.job_lock("every") as got:
                assert got
                held.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    assert held.wait(10)
    try:
        assert scheduler.run_due(MONDAY_0705, (EVERY,)) == []
    finally:
        release.set()
        thread.join()
    assert not JobRun.objects.exists()  # the slot is still to run
    assert scheduler.run_due(MONDAY_0705, (EVERY,)) == ["every"]


@pytest.fixture
def transactional_db(django_db_setup, django_db_blocker):
    """Database access outside any test transaction, seen by every thread's connection; the
    runs written are deleted after (pytest-django's would flush the demo content with them,
    see tests/forums/test_concurrency.py)."""
    with django_db_blocker.unblock():
        yield
        JobRun.objects.all().delete()


def test_two_schedulers_at_once_do_the_work_once(commands, transactional_db):
    ran = []

    def one_host():
        try:
            ran.extend(scheduler.run_due(MONDAY_0705, (EVERY, DAILY, WEEKLY)))
        finally:
            connection.close()

    hosts = [threading.Thread(target=one_host) for _ in range(2)]
    for host in hosts:
        host.start()
    for host in hosts:
        host.join()
    # Never twice. PostgreSQL's advisory locks let each job through exactly once; SQLite's one
    # writer may refuse a host its claim (busy), and that job then runs at its next time.
    assert len(set(ran)) == len(ran) == len(commands) == JobRun.objects.count()
    if connection.vendor == "postgresql":
        assert sorted(ran) == ["daily", "every", "weekly"]


@pytest.mark.django_db
def test_a_failing_job_is_recorded_and_the_others_run(monkeypatch, caplog):
    ran = []

    def run(*args):
        if args == ("check",):
            raise RuntimeError("en panne")
        ran.append(args)

    monkeypatch.setattr(scheduler, "call_command", run)
    other = scheduler.Job("other", ("other",), every=datetime.timedelta(minutes=5))
    assert scheduler.run_due(MONDAY_0705, (EVERY, other)) == ["every", "other"]
    assert ran == [("other",)]
    assert JobRun.objects.get(job="every").failed
    assert "Scheduled job every failed" in caplog.text


@pytest.mark.django_db
def test_every_real_job_runs(settings):
    ran = scheduler.run_due(MONDAY_0705)
    assert set(ran) == {job.name for job in scheduler.JOBS if job.enabled()}
    assert not JobRun.objects.filter(failed=True).exists()


@pytest.mark.django_db
def test_the_command_runs_what_is_due_once(commands, monkeypatch):
    monkeypatch.setattr(scheduler.timezone, "now", lambda: MONDAY_0705)
    out = io.StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "publish_scheduled done" in out.getvalue()
    call_command("run_scheduler", "--once", stdout=out)
    assert len(commands) == len([job for job in scheduler.JOBS if job.enabled()])
