"""The privacy page's promise kept: an account is deleted three years after its last log-in,
its member warned by e-mail a month before, once; staff are reported, never deleted. The clock
is passed to the service, day by day."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Profile
from accounts.services import INACTIVE_FOR, WARNED_BEFORE, inactive_accounts_purge
from forums import services as forum_services
from tests.factories import SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db

START = timezone.now().replace(microsecond=0)


def member(*, last_login, **traits):
    """A member last logged in at `last_login`, whose typed names are links and markup."""
    return UserFactory(
        first_name="<a href=x>Anne</a>", last_name="https://exemple.org",
        date_joined=last_login - datetime.timedelta(days=1), last_login=last_login, **traits,
    )  # fmt: skip


def run(days: int, *, dry_run=False):
    """The daily run, `days` after START, in a clean outbox."""
    mail.outbox.clear()
    with django_captured_on_commit():
        return inactive_accounts_purge(now=START + datetime.timedelta(days=days), dry_run=dry_run)


def django_captured_on_commit():
    """Runs the on-commit callbacks (the e-mails) at the end of the block, as after a commit."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_a_member_is_warned_once_a_month_before_then_deleted_with_posts_kept(settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    user = member(last_login=START - INACTIVE_FOR + WARNED_BEFORE)
    space = SpaceFactory(public=True)
    topic = forum_services.topic_create(space=space, author=user, title="Sujet", body="Texte")
    post = topic.posts.get()

    report = run(0)
    assert report.warned == [user] and not report.deleted
    assert [message.to for message in mail.outbox] == [[user.email]]
    message = mail.outbox[0]
    assert "supprimé" in message.subject
    assert "Anne" not in message.body and "exemple.org" not in message.body  # no typed name
    html = message.alternatives[0][0]
    assert "Anne" not in html and "exemple.org" not in html
    assert Profile.objects.get(user=user).deletion_warned_at == START

    for day in range(1, 30):  # daily runs during the month: no second e-mail, no deletion
        report = run(day)
        assert not report.warned and not report.deleted and not mail.outbox, day

    report = run(30)
    assert [u.email for u in report.deleted] == [user.email]
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    post.refresh_from_db()
    assert post.author is None  # as the deletion page does: the post stays, "Membre supprimé"


def test_a_log_in_after_the_warning_cancels_it():
    user = member(last_login=START - INACTIVE_FOR + WARNED_BEFORE)
    run(0)
    user.last_login = START + datetime.timedelta(days=10)
    user.save(update_fields=["last_login"])

    for day in (30, 60, 365):
        report = run(day)
        assert not report.deleted and not report.warned, day
    assert get_user_model().objects.filter(pk=user.pk).exists()
    # Three years after that log-in, a new warning, then the deletion a month later.
    later = 10 + INACTIVE_FOR.days - WARNED_BEFORE.days
    # (by then the demo accounts are three years old too: only this one is looked at)
    assert user.pk in {u.pk for u in run(later).warned}
    assert user.email in {u.email for u in run(later + 30).deleted}


def test_a_member_never_warned_gets_a_full_month_before_deletion():
    """Long inactive (the purge is new): warned first, deleted a month later, not at once."""
    user = member(last_login=START - INACTIVE_FOR - datetime.timedelta(days=400))
    assert run(0).warned == [user]
    assert not run(29).deleted
    assert [u.email for u in run(30).deleted] == [user.email]


def test_recent_members_are_left_alone():
    member(last_login=START - INACTIVE_FOR + WARNED_BEFORE + datetime.timedelta(days=1))
    report = run(0)
    assert not report.warned and not report.deleted and not mail.outbox


def test_staff_and_superusers_are_reported_never_warned_nor_deleted():
    old = START - INACTIVE_FOR - datetime.timedelta(days=100)
    staff = member(last_login=old, staff=True)
    admin = member(last_login=old, is_superuser=True)
    for day in (0, 30, 60):
        report = run(day)
        assert {u.pk for u in report.kept_staff} >= {staff.pk, admin.pk}
        assert staff not in report.warned + report.deleted
        assert admin not in report.warned + report.deleted
    assert not [m for m in mail.outbox if m.to in ([staff.email], [admin.email])]
    assert get_user_model().objects.filter(pk__in=[staff.pk, admin.pk]).count() == 2


def test_the_command_reports_progress_and_its_dry_run_changes_nothing(monkeypatch):
    user = member(last_login=timezone.now() - INACTIVE_FOR - datetime.timedelta(1))
    staff = member(last_login=timezone.now() - INACTIVE_FOR, staff=True)
    out = io.StringIO()
    call_command("purge_inactive_accounts", "--dry-run", stdout=out)
    text = out.getvalue()
    assert f"warned: account {user.pk}" in text
    assert f"Staff account {staff.pk}" in text
    assert "would have warned" in text
    assert not mail.outbox
    assert Profile.objects.filter(user=user, deletion_warned_at__isnull=False).count() == 0

    out = io.StringIO()
    with django_captured_on_commit():
        call_command("purge_inactive_accounts", stdout=out)
    assert "warned 1" in out.getvalue()
    assert [message.to for message in mail.outbox] == [[user.email]]
