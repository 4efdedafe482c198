"""Discussion spaces: spaces, memberships, topics and posts, as rows, without the services' side
effects (no notification, no e-mail, no posting limit): a test that is about those calls
`forums.services` itself.

    SpaceFactory(private=True, members=[anne], moderators=[claire])
    MembershipFactory(space=space, moderator=True), MembershipFactory(requested=True)
    TopicFactory(space=space, posts=10)          # a topic and its first post, then 9 replies
    PostFactory(topic=topic, hidden=True), PostFactory(topic=topic, deleted=True)
"""

import factory
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.text import slugify

from forums import markup, services
from forums.models import (
    Membership,
    MembershipStatus,
    Post,
    Role,
    Space,
    SpaceKind,
    Topic,
    Visibility,
)
from search import sync

from .accounts import UserFactory
from .base import fake, french_title, unique


class SpaceFactory(factory.django.DjangoModelFactory):
    """A space with no member unless asked (`members=[…]`, `moderators=[…]`)."""

    class Meta:
        model = Space
        skip_postgeneration_save = True

    name = factory.LazyFunction(lambda: unique(f"Réseau {fake.city()}"))
    slug = factory.LazyAttribute(lambda space: slugify(space.name))
    kind = SpaceKind.METIER
    visibility = Visibility.PUBLIC
    description = factory.LazyFunction(fake.sentence)

    class Params:
        public = factory.Trait(visibility=Visibility.PUBLIC)
        members_only = factory.Trait(visibility=Visibility.MEMBERS)
        private = factory.Trait(visibility=Visibility.PRIVATE, kind=SpaceKind.TERRITORY)

    @factory.post_generation
    def moderators(self, create, extracted, **kwargs):
        for user in extracted or []:
            services.membership_add(space=self, user=user, role=Role.MODERATOR)

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        for user in extracted or []:
            services.membership_add(space=self, user=user)


class MembershipFactory(factory.django.DjangoModelFactory):
    """An active membership is added as staff add one (`services.membership_add`: the member
    follows the space); a request is only a row, as `membership_request` leaves it."""

    class Meta:
        model = Membership

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER
    status = MembershipStatus.ACTIVE

    class Params:
        moderator = factory.Trait(role=Role.MODERATOR)
        requested = factory.Trait(status=MembershipStatus.REQUESTED)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs["status"] != MembershipStatus.ACTIVE:
            return super()._create(model_class, *args, **kwargs)
        return services.membership_add(
            space=kwargs["space"], user=kwargs["user"], role=kwargs["role"]
        )


def refresh_topic(topic: Topic) -> None:
    """The topic's counters and search document, as the services leave them after a post."""
    counts = topic.posts.aggregate(
        count=Count("pk"),
        hidden=Count("pk", filter=Q(hidden_at__isnull=False)),
        last=Max("created_at"),
    )
    topic.post_count, topic.hidden_count = counts["count"], counts["hidden"]
    topic.last_post_at = counts["last"] or topic.created_at
    topic.save(update_fields=["post_count", "hidden_count", "last_post_at"])
    sync.refresh_topics([topic.pk])


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    topic = factory.SubFactory("tests.factories.forums.TopicFactory", posts=0)
    author = factory.SubFactory(UserFactory)
    body = factory.LazyFunction(fake.paragraph)
    body_html = factory.LazyAttribute(lambda post: markup.render(post.body))
    created_at = factory.LazyFunction(timezone.now)

    class Params:
        hidden = factory.Trait(
            hidden_at=factory.LazyFunction(timezone.now), hidden_reason="Hors sujet"
        )
        deleted = factory.Trait(deleted_at=factory.LazyFunction(timezone.now))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        post = super()._create(model_class, *args, **kwargs)
        refresh_topic(post.topic)
        return post


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic and its first post (`body`) by its author; `posts=n` gives it n posts in all,
    the replies by other members (`posts__author=…` for one author)."""

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    space = factory.SubFactory(SpaceFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.LazyFunction(lambda: unique(french_title()))
    created_at = factory.LazyFunction(timezone.now)
    last_post_at = factory.SelfAttribute("created_at")
    body = factory.LazyFunction(fake.paragraph)  # the first post's, not a field of the topic

    @factory.post_generation
    def posts(self, create, extracted, **kwargs):
        count = 1 if extracted is None else extracted
        if not create or not count:
            return
        first = {"author": self.author, "body": self._body, "created_at": self.created_at}
        PostFactory(topic=self, **first)
        for _number in range(count - 1):
            PostFactory(topic=self, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, body, **kwargs):
        topic = super()._create(model_class, *args, **kwargs)
        topic._body = body
        # The space's counter, as `services.topic_create` keeps it.
        Space.objects.filter(pk=topic.space_id).update(topic_count=F("topic_count") + 1)
        return topic
