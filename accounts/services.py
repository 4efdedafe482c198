"""Writes on member accounts: profile creation, approval, activation, deletion, and the purge
of inactive accounts."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from agenda import services as agenda_services

from . import emails, handles, permissions
from .models import Approval, Profile

User = get_user_model()


def profile_for(user) -> Profile:
    """The member's profile, made on first use for accounts created before profiles existed;
    one without a handle gets one."""
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        return _with_new_handle(
            lambda handle: Profile.objects.create(user=user, handle=handle), user
        )
    if not profile.handle:
        _with_new_handle(lambda handle: handle_set(profile=profile, handle=handle), user)
    return profile


def profile_create(*, user) -> Profile:
    """The profile of a member who just signed up: pending when staff approve new members; its
    handle from their name (`accounts.handles.new_handle`)."""
    approval = Approval.PENDING if permissions.needs_approval(user) else Approval.APPROVED
    return _with_new_handle(
        lambda handle: Profile.objects.create(user=user, handle=handle, approval=approval), user
    )


def _with_new_handle(write, user):
    """`write(handle)` with a free handle for `user`; if another sign-up took it meanwhile
    (the unique constraint refuses it), with another one."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return write(handles.new_handle(user))
        except IntegrityError:
            continue
    raise IntegrityError("No free handle found")


def handle_set(*, profile: Profile, handle: str) -> Profile:
    profile.handle = handle
    profile.save(update_fields=["handle"])
    return profile


@transaction.atomic
def profile_update(*, profile: Profile, form) -> Profile:
    """Saves a valid ProfileForm: the names on the user, the rest on the profile."""
    user = profile.user
    names = form.cleaned_data["first_name"], form.cleaned_data["last_name"]
    if names != (user.first_name, user.last_name):  # else no write, and no cache made stale
        user.first_name, user.last_name = names
        user.save(update_fields=["first_name", "last_name"])
    old_photo = Profile.objects.get(pk=profile.pk).photo if profile.pk else None
    profile = form.save()
    if old_photo and old_photo.name != profile.photo.name:
        transaction.on_commit(lambda: old_photo.storage.delete(old_photo.name))
    return profile


@transaction.atomic
def member_decide(*, profile: Profile, approve: bool) -> Profile:
    """Staff approve or refuse a pending member, who is told by e-mail."""
    profile.approval = Approval.APPROVED if approve else Approval.REFUSED
    profile.approval_decided_at = timezone.now()
    profile.save(update_fields=["approval", "approval_decided_at"])
    user = profile.user
    transaction.on_commit(
        lambda: emails.send(
            template="approved" if approve else "refused", to=user.email, context={"user": user}
        )
    )
    return profile


def member_set_active(*, user, active: bool) -> None:
    """Deactivated members can no longer log in; nothing of theirs is deleted."""
    user.is_active = active
    user.save(update_fields=["is_active"])


@transaction.atomic
def account_delete(*, user) -> None:
    """Deletes the account and everything personal. Posts and topics stay for the discussions
    they belong to; their author becomes empty and they show as by "Membre supprimé". Seats
    at events to come go first to their waiting lists."""
    agenda_services.cancel_for_deleted_account(user=user)
    profile = Profile.objects.filter(user=user).first()
    photo = profile.photo if profile else None
    user.delete()
    if photo:
        transaction.on_commit(lambda: photo.storage.delete(photo.name))


# The privacy page's promise: an account is deleted three years after its last log-in, its
# member warned by e-mail a month before.
INACTIVE_FOR = datetime.timedelta(days=3 * 365)
WARNED_BEFORE = datetime.timedelta(days=30)


@dataclass
class PurgeReport:
    """What `inactive_accounts_purge` did (or, in a dry run, would do), by account."""

    warned: list = field(default_factory=list)
    deleted: list = field(default_factory=list)
    kept_staff: list = field(default_factory=list)  # inactive, but staff: for a person to decide


def inactive_accounts_purge(*, now, dry_run: bool = False, progress=None) -> PurgeReport:
    """Warns the members whose last log-in (or sign-up, if they never logged in) is nearly
    INACTIVE_FOR old, once, and deletes the accounts of those warned at least WARNED_BEFORE
    ago who did not log in since, the way the deletion page does (`account_delete`). A log-in
    after the warning cancels it. Staff and superusers are never deleted, only reported.
    `now` is passed in (a daily job; tests give their own clock)."""
    report = PurgeReport()
    progress = progress or (lambda message: None)
    last_seen = Coalesce("last_login", "date_joined")
    inactive = (
        User.objects.annotate(last_seen=last_seen)
        .filter(last_seen__lte=now - INACTIVE_FOR + WARNED_BEFORE)
        .select_related("profile")
        .order_by("last_seen", "pk")
    )
    for user in inactive:
        if user.is_staff or user.is_superuser:
            report.kept_staff.append(user)
            progress(f"kept (staff): account {user.pk}")
            continue
        profile = getattr(user, "profile", None)
        warned_at = profile.deletion_warned_at if profile else None
        if warned_at is not None and warned_at < user.last_seen:
            warned_at = None  # logged in since: that warning no longer counts
        if warned_at is None:
            report.warned.append(user)
            progress(f"warned: account {user.pk}")
            if not dry_run:
                _warn_of_deletion(user=user, now=now)
        elif warned_at <= now - WARNED_BEFORE and user.last_seen <= now - INACTIVE_FOR:
            report.deleted.append(user)
            progress(f"deleted: account {user.pk}")
            if not dry_run:
                account_delete(user=user)
    return report


@transaction.atomic
def _warn_of_deletion(*, user, now) -> None:
    """Records the warning, then sends it once the record is committed: a failing mail
    server leaves it unrecorded, so tomorrow's run sends it again."""
    profile = profile_for(user)
    Profile.objects.filter(pk=profile.pk).update(deletion_warned_at=now)
    deletion_date = max(user.last_seen + INACTIVE_FOR, now + WARNED_BEFORE)
    if user.email:
        transaction.on_commit(
            lambda: emails.send(
                template="deletion_warning",
                to=user.email,
                context={"deletion_date": deletion_date},
            )
        )
