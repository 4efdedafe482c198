"""Reads that screens share or keep: the unread count, a page of a topic's thread, the response
statistics of the spaces."""

import datetime
import statistics
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page as WagtailPage

from core import cache
from core.models import BaseResourcePage, among
from core.text import parse_number

from . import authors, markup, permissions, scopes
from .models import Post, Topic, TopicVisit

ANSWER_WITHIN = datetime.timedelta(hours=48)
POSTS_PER_PAGE = 20


CONTRIBUTIONS_PER_PAGE = 20


def contributions_page(viewer, author, number) -> Page:
    """A page of the topics `author` opened and the answers they wrote that `viewer` may read
    (`permissions.readable_contributions`), newest first, each with its topic and space and
    `opens_topic` (the topic's first post): two queries, whatever their number."""
    first_post = Post.objects.filter(topic=OuterRef("topic")).order_by("created_at", "pk")
    posts = (
        permissions.readable_contributions(viewer, author)
        .annotate(opening_pk=Subquery(first_post.values("pk")[:1]))
        .select_related("topic__space")
        .only(
            "body_html", "created_at", "topic", "topic__title", "topic__space",
            "topic__space__slug", "topic__space__name",
        )
        .order_by("-created_at", "-pk")
    )  # fmt: skip
    page = Paginator(posts, CONTRIBUTIONS_PER_PAGE).get_page(number)
    for post in page.object_list:
        post.opens_topic = post.pk == post.opening_pk
    return page


def unreachable_mentions(post: Post) -> list:
    """The members `post` mentions by their handle whom the mention does not reach
    (`permissions.mention_reaches`: they may not read the space), by name: what its author is
    told after posting. The author mentioning themself is no one's concern."""
    members = authors.members_by_handle(markup.mentioned_handles(post.body))
    return sorted(
        (
            user
            for user in members.values()
            if user.pk != post.author_id and not permissions.mention_reaches(user, post)
        ),
        key=lambda user: (user.last_name, user.first_name, user.pk),
    )


def unread_count(user) -> int:
    """The member's unread notifications that they may still read: counted when shown, once
    per request, never kept (it is one member's own)."""
    return cache.memo(f"forums-unread-{user.pk}", lambda: notification_counts(user)[1])


def notification_counts(user) -> tuple[int, int]:
    """How many notifications the member may read, and how many of them are unread: one query
    for the notifications page, which shows both (the second is `unread_count`'s)."""
    counts = permissions.readable_notifications(user).aggregate(
        total=Count("pk"), unread=Count("pk", filter=Q(read_at__isnull=True))
    )
    cache.memo(f"forums-unread-{user.pk}", lambda: counts["unread"])
    return counts["total"], counts["unread"]


def with_unread(topics, user):
    """`topics` annotated with `unread`: how many posts `user` has not read since their last
    visit of each (`permissions.unread_posts`; 0 for a topic never opened, whose posts carry no
    "nouveau" mark either, and for anonymous visitors). Counted in the topics' own query, one
    indexed subquery per row (topic, created_at), never one query per topic."""
    if not user.is_authenticated:
        return topics
    visits = TopicVisit.objects.filter(user=user, topic=OuterRef("pk")).values("seen_at")[:1]
    counted = (
        permissions.unread_posts(user)
        .filter(topic=OuterRef("pk"), created_at__gt=OuterRef("last_visit"))
        .order_by()
        .values("topic")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return topics.annotate(last_visit=Subquery(visits)).annotate(
        unread=Coalesce(Subquery(counted, output_field=IntegerField()), 0)
    )


def mark_unread(user, topics: list) -> None:
    """Sets `unread` (`with_unread`) on these topics, read elsewhere (a list kept for many
    readers): one query for them all, none for an anonymous visitor or an empty list."""
    if not user.is_authenticated or not topics:
        return
    counted = with_unread(Topic.objects.filter(pk__in={topic.pk for topic in topics}), user)
    counts = dict(counted.values_list("pk", "unread"))
    for topic in topics:
        topic.unread = counts.get(topic.pk, 0)


def home_discussions(user) -> dict[str, list[Topic]]:
    """The home page's discussions for `user`: the latest (by last activity) and the questions
    still without a reply that they may read (`permissions.listed_topics`), HOME_TOPICS of
    each, with their space and author, and their unread counts for a member.

    Both lists come from one query, and are kept per audience (`permissions.audience`: those
    who read the same spaces), until a topic, a post or a space changes (`scopes.SPACES`: not a
    reaction) or a member's name does: a private space's topics are kept only for the audiences
    that read it."""
    lists = cache.remembered(
        f"home-discussions-{permissions.audience(user)}",
        lambda: _home_lists(permissions.listed_topics(user)),
        (scopes.SPACES, scopes.MEMBERS),
    )
    mark_unread(user, list({topic.pk: topic for each in lists.values() for topic in each}.values()))
    return lists


HOME_TOPICS = 5


def _home_lists(topics) -> dict[str, list[Topic]]:
    latest = ("-last_post_at", "-pk")
    unanswered = ("-created_at", "-pk")
    # Each list's first HOME_TOPICS in one query: their union holds each list's head, which is
    # then its head too.
    found = list(
        Topic.objects.filter(
            among(topics.order_by(*latest).values("pk")[:HOME_TOPICS], Topic)
            | among(topics.without_reply().order_by(*unanswered).values("pk")[:HOME_TOPICS], Topic)
        ).select_related("space", "author")
    )
    found.sort(key=lambda topic: (topic.last_post_at, topic.pk), reverse=True)
    questions = [
        topic
        for topic in found
        if topic.post_count - topic.hidden_count <= 1 and not topic.is_locked  # without_reply
    ]
    questions.sort(key=lambda topic: (topic.created_at, topic.pk), reverse=True)
    return {"latest": found[:HOME_TOPICS], "unanswered": questions[:HOME_TOPICS]}


def first_unread(user, topic: Topic) -> Post | None:
    """The first post of `topic`'s thread that `user` has not read since their last visit
    (None: never opened, or nothing new), where "premier message non lu" leads."""
    if not user.is_authenticated:
        return None
    seen = TopicVisit.objects.filter(user=user, topic=topic).values("seen_at")[:1]
    posts = permissions.unread_posts(user).filter(topic=topic, created_at__gt=Subquery(seen))
    return posts.order_by("created_at", "pk").first()


def thread_page(user, topic: Topic, requested: str | None, *, moderator: bool, shown) -> Page:
    """The page of `topic`'s thread that `user` reads (`requested`: its number or "last").

    Its posts carry their author, their attachments and `shown(post)`, what all their readers
    see alike (the rendered post: most of the page's time), as `post.shown`. The page is one
    cache entry per version of the topic and of the members' names, page number and kind of
    reader: moderators, who see the hidden posts, and the others. The one reader who sees more
    than the others, the author of a hidden post (`topic.own_hidden`, annotated by the topic's
    query for a member), gets their pages read from the database.
    """
    number = "last" if requested == "last" else str(parse_number(requested, minimum=1) or 1)
    if moderator:
        posts, count, kind = Post.objects.filter(topic=topic), topic.post_count, "all"
    else:
        posts, count = permissions.shown_posts(topic), topic.post_count - topic.hidden_count
        kind = "shown"
        if topic.hidden_count and user.is_authenticated and topic.own_hidden:
            return _thread_page(permissions.visible_posts(user, topic), None, number, shown)
    return cache.remembered(
        f"thread-{topic.pk}-{number}-{kind}",
        lambda: _thread_page(posts, count, number, shown),
        (scopes.topic(topic.pk), scopes.MEMBERS),
    )


def counted_page(items, count: int, number, per_page: int) -> Page:
    """Page `number` ("last": the last one) of the queryset `items`, whose length `count` is
    known (a counter: no COUNT query). Its `object_list` is the slice of `items`, not read yet;
    a page that keeps its items rather than the query they came from may be cached."""
    paginator = Paginator(range(count), per_page)
    page = paginator.get_page(paginator.num_pages if number == "last" else number)
    page.object_list = items[page.start_index() - 1 : page.end_index()] if count else []
    return page


def _thread_page(posts, count: int | None, number: str, shown) -> Page:
    """A page that keeps its posts. `count`: the topic's counters (None: counted), so a long
    thread is not counted again."""
    count = posts.count() if count is None else count
    # The page's posts by their place in the index (topic, created_at, id), then joined to
    # their authors: joined before the LIMIT, PostgreSQL hashes the whole user table.
    ids = posts.order_by("created_at", "pk").values("pk")
    page = counted_page(ids, count, number, POSTS_PER_PAGE)
    if count:
        page.object_list = list(Post.objects.filter(pk__in=page.object_list).in_thread())
    prefetch_related_objects(
        [post for post in page.object_list if post.has_attachments], "attachments"
    )
    for post in page.object_list:
        post.shown = shown(post)
    return page


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
