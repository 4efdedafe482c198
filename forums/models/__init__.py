"""Discussion spaces: networks and collectives, their topics, posts, members and moderation.

Reads go through the querysets of these modules (each names its intent and carries its joins);
writes with side effects go through `forums.services`; who may do what is decided in
`forums.permissions`. Every model and choice is importable from here.
"""

from .invitations import Invitation, InvitationQuerySet, InvitationStatus, token_digest
from .moderation import Report, ReportQuerySet, ReportStatus
from .notifications import (
    EmailFrequency,
    Notification,
    NotificationKind,
    NotificationSettings,
    Subscription,
    TopicVisit,
)
from .spaces import (
    Membership,
    MembershipAction,
    MembershipLog,
    MembershipQuerySet,
    MembershipStatus,
    Role,
    Space,
    SpaceKind,
    SpaceQuerySet,
    Suspension,
    Visibility,
)
from .topics import (
    Attachment,
    Post,
    PostQuerySet,
    PostRevision,
    Reaction,
    Topic,
    TopicQuerySet,
    attachment_path,
    attachments_storage,
)

__all__ = [
    "Attachment",
    "EmailFrequency",
    "Invitation",
    "InvitationQuerySet",
    "InvitationStatus",
    "Membership",
    "MembershipAction",
    "MembershipLog",
    "MembershipQuerySet",
    "MembershipStatus",
    "Notification",
    "NotificationKind",
    "NotificationSettings",
    "Post",
    "PostQuerySet",
    "PostRevision",
    "Reaction",
    "Report",
    "ReportQuerySet",
    "ReportStatus",
    "Role",
    "Space",
    "SpaceKind",
    "SpaceQuerySet",
    "Suspension",
    "Subscription",
    "Topic",
    "TopicQuerySet",
    "TopicVisit",
    "Visibility",
    "attachment_path",
    "attachments_storage",
    "token_digest",
]
