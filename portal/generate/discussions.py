"""Generated members, spaces, memberships, topics and posts."""

import datetime
import html

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from core.models import Territory
from forums.models import (
    Membership,
    Notification,
    NotificationKind,
    Post,
    Role,
    Space,
    SpaceKind,
    Subscription,
    Topic,
    Visibility,
)

from .base import BATCH, BENCH_TOPIC_POSTS, FIRST_NAMES, LAST_NAMES, PASSWORD, START, GeneratorBase


class DiscussionGenerator(GeneratorBase):
    """Members and the discussion spaces they write in, created in bulk as the services would."""

    # Members and spaces

    def members(self) -> list[int]:
        User = get_user_model()
        password = make_password(PASSWORD)
        count = self.sizes.members
        for start in range(0, count, BATCH):
            users = []
            for number in range(start + 1, min(count, start + BATCH) + 1):
                first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
                users.append(
                    User(
                        username=f"membre-{number:05d}",
                        email=f"membre-{number:05d}@bloc-local.example",
                        first_name=first,
                        last_name=last,
                        password=password,
                        date_joined=START - datetime.timedelta(days=self.rng.randint(1, 900)),
                    )
                )
            User.objects.bulk_create(users)
            self.progress("Membres", min(count, start + BATCH), count)
        return list(
            User.objects.filter(username__startswith="membre-")
            .order_by("username")
            .values_list("pk", flat=True)
        )

    def spaces(self, territories: list[Territory]) -> list[Space]:
        kinds = list(SpaceKind)
        visibilities = [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE]
        spaces = []
        for number in range(self.sizes.spaces):
            kind = kinds[number % len(kinds)]
            spaces.append(
                Space(
                    name=f"{kind.label} {number:03d}",
                    slug=f"espace-{number:03d}",
                    kind=kind,
                    visibility=visibilities[number % len(visibilities)],
                    description=self.text.sentence(),
                    territory=self.rng.choice(territories) if kind == SpaceKind.TERRITORY else None,
                    created_at=START,
                )
            )
        Space.objects.bulk_create(spaces)
        return list(Space.objects.filter(slug__startswith="espace-").order_by("slug"))

    def memberships(self, members: list[int], spaces: list[Space]) -> None:
        """Each member joins one to four spaces; a space's first member moderates it."""
        rows, moderated = [], set()
        for index, user in enumerate(members):
            chosen = [space.pk for space in self.rng.sample(spaces, min(len(spaces), 4))]
            if index == 0:  # the bench's member: a plain member of the bench space
                chosen = [spaces[0].pk] + [pk for pk in chosen if pk != spaces[0].pk]
            for space in chosen[: self.rng.randint(1, 4)]:
                plain = index == 0 or space in moderated
                role = Role.MEMBER if plain else Role.MODERATOR
                moderated.add(space)
                rows.append(Membership(space_id=space, user_id=user, role=role, created_at=START))
        Membership.objects.bulk_create(rows, batch_size=BATCH)
        self.progress("Adhésions", len(rows), len(rows))

    # Topics and posts

    def topics(self, members: list[int], spaces: list[Space], resources: list[int]) -> None:
        """Topics spread over the spaces; the bench space's first topic has exactly
        BENCH_TOPIC_POSTS posts, every other topic at least one."""
        count, total = self.sizes.topics, self.sizes.posts
        first = min(BENCH_TOPIC_POSTS, max(1, total - (count - 1)))
        counts = [first] + [1] * (count - 1)
        for _ in range(max(0, total - sum(counts))):
            counts[self.rng.randrange(1, count)] += 1 if count > 1 else 0
        done = posts_done = 0
        for start in range(0, count, BATCH // 4):
            topics, threads = [], []
            for number in range(start, min(count, start + BATCH // 4)):
                opened = self.when(600)
                times = sorted(
                    opened + datetime.timedelta(minutes=self.rng.randint(0, 60 * 24 * 90))
                    for _ in range(counts[number] - 1)
                )
                times.insert(0, opened)
                authors = [self.rng.choice(members) for _ in times]
                space = spaces[0] if number == 0 else self.rng.choice(spaces)
                topics.append(
                    Topic(
                        space=space,
                        title=self.text.title(),
                        author_id=authors[0],
                        resource_id=self.rng.choice(resources)
                        if resources and self.rng.randrange(20) == 0
                        else None,
                        created_at=opened,
                        last_post_at=times[-1],
                        post_count=len(times),
                    )
                )
                threads.append(list(zip(times, authors, strict=True)))
            Topic.objects.bulk_create(topics)
            posts = []
            for topic, thread in zip(topics, threads, strict=True):
                for created_at, author in thread:
                    body = "\n\n".join(
                        self.planted(self.text.paragraph(self.rng.randint(1, 3)), 2000)
                        for _ in range(self.rng.randint(1, 2))
                    )
                    posts.append(
                        Post(
                            topic_id=topic.pk,
                            author_id=author,
                            body=body,
                            body_html="\n".join(
                                f"<p>{html.escape(part)}</p>" for part in body.split("\n\n")
                            ),
                            created_at=created_at,
                        )
                    )
            Post.objects.bulk_create(posts, batch_size=BATCH)
            done += len(topics)
            posts_done += len(posts)
            self.progress("Sujets", done, count)
            self.progress("Messages", posts_done, total)
        for space in spaces:
            space.topic_count = Topic.objects.filter(space=space).count()
        Space.objects.bulk_update(spaces, ["topic_count"])
        self.bench_member(members[0], spaces[0])

    def bench_member(self, user: int, space: Space) -> None:
        """The bench's member follows the bench space and topic and has notifications."""
        topic = Topic.objects.filter(space=space).order_by("pk").first()
        Subscription.objects.bulk_create(
            [Subscription(user_id=user, space=space), Subscription(user_id=user, topic=topic)]
        )
        posts = Post.objects.filter(topic=topic).order_by("-created_at")[:40]
        Notification.objects.bulk_create(
            Notification(
                user_id=user,
                kind=NotificationKind.REPLY,
                post=post,
                created_at=post.created_at,
                read_at=post.created_at if number % 2 else None,
            )
            for number, post in enumerate(posts)
        )
