"""Reads that several screens share: the unread count, the response statistics of the spaces."""

import datetime
import statistics
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import Notification, Topic

ANSWER_WITHIN = datetime.timedelta(hours=48)
UNREAD_SECONDS = 600


def unread_count(user) -> int:
    """The member's unread notifications, kept in the cache until one of them changes."""
    key = f"forums:unread:{user.pk}"
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(user=user, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_SECONDS)
    return count


def forget_unread(user_id: int) -> None:
    key = f"forums:unread:{user_id}"
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def notification_changed(sender, instance, **kwargs) -> None:
    """Signal receiver: a notification created, changed or deleted."""
    forget_unread(instance.user_id)


@dataclass(frozen=True)
class ResponseStats:
    space: str
    questions: int
    answered_in_time: int
    median_hours: float | None

    @property
    def share_answered(self) -> float | None:
        return self.answered_in_time / self.questions if self.questions else None


def response_stats(*, days: int) -> list[ResponseStats]:
    """Per space, over the topics opened in the last `days` days: how many got a first reply
    within 48 hours, and the median time to a first reply (of those that got one)."""
    since = timezone.now() - datetime.timedelta(days=days)
    topics = (
        Topic.objects.filter(created_at__gte=since, space__is_active=True)
        .with_first_reply()
        .values_list("space__name", "created_at", "first_reply_at")
        .order_by("space__name")
    )
    by_space: dict[str, list] = {}
    for space, created_at, first_reply_at in topics:
        by_space.setdefault(space, []).append(
            first_reply_at - created_at if first_reply_at else None
        )
    rows = []
    for space, delays in by_space.items():
        replied = [delay for delay in delays if delay is not None]
        rows.append(
            ResponseStats(
                space=space,
                questions=len(delays),
                answered_in_time=sum(delay <= ANSWER_WITHIN for delay in replied),
                median_hours=round(statistics.median(replied).total_seconds() / 3600, 1)
                if replied
                else None,
            )
        )
    return rows
