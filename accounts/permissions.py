"""Who may see or do what with member accounts: asked by views, templates and the forums."""

from django.conf import settings

from .models import Approval


def can_access_admin(user) -> bool:
    """Anyone who can reach the Wagtail admin; they must use two-factor authentication."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def can_access_django_admin(user) -> bool:
    """Django's admin is for staff only, as Django's `AdminSite.has_permission` says."""
    return user.is_authenticated and user.is_active and user.is_staff


def can_manage_members(user) -> bool:
    """Staff approve, refuse, deactivate and reactivate members."""
    return user.is_authenticated and user.is_staff


def needs_approval(user) -> bool:
    """The sign-up policy: in `approval` mode staff approve new members (not staff)."""
    return settings.ACCOUNT_SIGNUP_POLICY == "approval" and not user.is_staff


def may_post(user) -> bool:
    """A member writes once staff approved them, where approval is the rule.

    Accounts made before the policy, or by staff (no profile yet), are trusted.
    """
    if not needs_approval(user):
        return True
    profile = getattr(user, "profile", None) if user.pk else None
    return profile is None or profile.approval == Approval.APPROVED


def can_see_profile(user, profile) -> bool:
    """Logged-in members see the profiles in the directory; a member always sees their own."""
    if not user.is_authenticated:
        return False
    if profile.user_id == user.pk:
        return True
    return is_listed(profile)


def is_listed(profile) -> bool:
    """Whether logged-in members see this profile: its member chose the directory."""
    return profile.in_directory and profile.user.is_active
