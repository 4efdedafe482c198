"""Reads that screens share or keep: the unread count, a page of a topic's thread, the response
statistics of the spaces."""

import datetime
import statistics
import uuid
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.utils import timezone
from wagtail.models import Page as WagtailPage

from core import cache
from core.models import BaseResourcePage
from core.text import parse_number

from . import permissions
from .models import Post, Topic

ANSWER_WITHIN = datetime.timedelta(hours=48)
POSTS_PER_PAGE = 20


def unread_count(user) -> int:
    """The member's unread notifications that they may still read, kept in the cache until one
    of them changes or the discussions do (a membership ended, a post hidden or deleted)."""
    return cache.remembered(
        _unread_name(user.pk),
        lambda: permissions.readable_notifications(user).filter(read_at__isnull=True).count(),
        cache.DISCUSSIONS,
    )


def _unread_name(user_id: int) -> str:
    return f"forums:unread:{user_id}"


def forget_unread(user_id: int) -> None:
    cache.forget([_unread_name(user_id)], cache.DISCUSSIONS)


def notification_changed(sender, instance, **kwargs) -> None:
    """Signal receiver: a notification created, changed or deleted."""
    forget_unread(instance.user_id)


def thread_page(user, topic: Topic, requested: str | None, *, moderator: bool) -> Page:
    """The page of `topic`'s thread that `user` reads (`requested`: its number or "last").

    Its posts carry their author and attachments. The page is kept in the cache until the
    discussions change: once for moderators, who see hidden posts, and once for the other
    readers; `page.cache_key` names one reading of it, so that what is shown of it alike to
    its readers may be kept as long (None: not kept). A reader whose own post is hidden also
    sees it (the rule of `permissions.can_see_post`): their pages are read from the database.
    """
    number = "last" if requested == "last" else str(parse_number(requested, minimum=1) or 1)
    if moderator:
        return cache.remembered(
            f"thread-{topic.pk}-{number}-all",
            lambda: _thread_page(topic, permissions.visible_posts(user, topic), number),
            cache.DISCUSSIONS,
        )
    page = cache.remembered(
        f"thread-{topic.pk}-{number}-shown",
        lambda: _thread_page(topic, permissions.shown_posts(topic), number),
        cache.DISCUSSIONS,
    )
    if user.pk is not None and user.pk in page.hidden_authors:
        page = _thread_page(topic, permissions.visible_posts(user, topic), number)
        page.cache_key = None
    return page


def _thread_page(topic: Topic, posts, number: str) -> Page:
    paginator = Paginator(posts.in_thread().prefetch_related("attachments"), POSTS_PER_PAGE)
    page = paginator.get_page(paginator.num_pages if number == "last" else number)
    # A page that keeps its posts, not the query it came from.
    kept = Paginator(range(paginator.count), POSTS_PER_PAGE).page(page.number)
    kept.object_list = list(page.object_list)
    kept.hidden_authors = set(
        Post.objects.filter(topic=topic, hidden_at__isnull=False).values_list("author", flat=True)
    )
    kept.cache_key = uuid.uuid4().hex
    return kept


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


def discussable_resources():
    """The pages a topic may be about: live, public resources (experience sheets, videos, tools:
    the pages that list their discussions), never the root, the home page or a restricted or
    unpublished page."""
    return WagtailPage.objects.live().public().type(*BaseResourcePage.__subclasses__())
