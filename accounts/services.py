"""Writes on member accounts: profile creation, approval, activation, deletion."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from . import emails, permissions
from .models import Approval, Profile

User = get_user_model()


def profile_for(user) -> Profile:
    """The member's profile, made on first use for accounts created before profiles existed."""
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def profile_create(*, user) -> Profile:
    """The profile of a member who just signed up: pending when staff approve new members."""
    pending = permissions.needs_approval(user)
    return Profile.objects.create(
        user=user, approval=Approval.PENDING if pending else Approval.APPROVED
    )


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
    they belong to; their author becomes empty and they show as by "Membre supprimé"."""
    profile = Profile.objects.filter(user=user).first()
    photo = profile.photo if profile else None
    user.delete()
    if photo:
        transaction.on_commit(lambda: photo.storage.delete(photo.name))
