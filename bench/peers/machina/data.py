"""django-machina's data, as large as the portal's full generated data (portal.generate.Sizes):
300 forums (180 of them in 15 categories), 20 000 users, 30 000 topics and 300 000 posts, seeded,
in bulk, with machina's denormalised fields computed as its own save() would leave them (topic
posts_count, first and last post; forum counters and last post; member posts counts; the MPTT
tree), and the permissions that let anonymous visitors and members read every forum.

Run by bench.peers in the peer's virtualenv; does nothing when the data is there already.
`python data.py --small` makes a small set (the portal bench's --small sizes).
"""

import argparse
import datetime
import random
import time

import django

MEMBER = "member-00001"  # the bench's member: its session is made by pages.py
PASSWORD = "bench-peers"  # noqa: S105 - every generated account, for benchmarks only
LONG_TOPIC_POSTS = 500  # the first topic's posts, like the portal's BENCH_TOPIC_POSTS
CATEGORIES, IN_CATEGORIES = 15, 180
BATCH = 5_000
START = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
WORDS = (  # noqa: SIM905 - a paragraph of words reads better than a list of 150 strings
    "commune intercommunalité projet territoire service public habitants élus agents budget "
    "mutualisation conseil délibération marché transport mobilité école cantine voirie eau "
    "assainissement déchets collecte tri énergie rénovation bâtiment logement urbanisme plan "
    "local schéma agenda culture médiathèque sport équipement association jeunesse solidarité "
    "santé maison emploi formation numérique données logiciel démarche accueil guichet mairie "
    "recrutement ressources humaines finances fiscalité dotation subvention appel partenariat "
    "convention département région État préfecture contrat relance transition écologique "
    "biodiversité forêt agriculture circuit court alimentation restauration tourisme patrimoine "
    "commerce centre bourg revitalisation sécurité prévention risque inondation crise "
    "expérience retour méthode outil calendrier réunion atelier comité pilotage évaluation "
    "indicateur coût délai question réponse conseil idée exemple difficulté solution réussite"
).split()
PERMISSIONS = {
    "anonymous_user": ["can_see_forum", "can_read_forum"],
    "authenticated_user": [
        "can_see_forum",
        "can_read_forum",
        "can_start_new_topics",
        "can_reply_to_topics",
        "can_edit_own_posts",
        "can_post_without_approval",
        "can_download_file",
    ],
}


def say(message: str) -> None:
    print(f"peers: machina: {message}", flush=True)  # noqa: T201


class Generator:
    def __init__(self, args):
        from machina.models.fields import render_func

        self.args = args
        self.rng = random.Random(args.seed)  # noqa: S311 - reproducible data, not secrets
        # Posts are made of paragraphs from a pool, each rendered once by machina's own markup
        # renderer: the stored HTML is what machina would have stored.
        self.paragraphs = []
        for _ in range(4_000):
            raw = " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))
            self.paragraphs.append((raw, render_func(raw).strip()))

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def sentence(self) -> str:
        return self.words(8, 20).capitalize() + "."

    def title(self) -> str:
        return self.words(3, 8).capitalize()

    def when(self, days: int) -> datetime.datetime:
        return START + datetime.timedelta(minutes=self.rng.randint(0, days * 24 * 60))

    def content(self) -> tuple[str, str]:
        parts = [self.rng.choice(self.paragraphs) for _ in range(self.rng.randint(1, 2))]
        return "\n\n".join(raw for raw, _ in parts), "\n\n".join(html for _, html in parts)

    def users(self) -> list[int]:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.hashers import make_password

        User = get_user_model()
        password = make_password(PASSWORD)  # one hash for all: hashing 20 000 takes hours
        rows = [
            User(
                username=f"member-{number:05d}",
                email=f"member-{number:05d}@example.org",
                first_name=self.rng.choice(WORDS).capitalize(),
                last_name=self.rng.choice(WORDS).capitalize(),
                password=password,
                date_joined=self.when(365),
            )
            for number in range(1, self.args.users + 1)
        ]
        users = User.objects.bulk_create(rows, batch_size=BATCH)
        say(f"{len(users)} users")
        return [user.pk for user in users]

    def forums(self) -> list:
        from django.utils.text import slugify
        from machina.apps.forum.models import Forum

        def forum(name, kind, parent=None):
            raw = self.sentence()
            return Forum(
                name=name,
                slug=slugify(name, allow_unicode=True),
                description=raw,
                _description_rendered=self.render(raw),
                type=kind,
                parent=parent,
                lft=0,
                rght=0,
                tree_id=0,
                level=0,
                created=START,
                updated=START,
            )

        categories = Forum.objects.bulk_create(
            forum(f"Catégorie {number:02d} {self.title()}", Forum.FORUM_CAT)
            for number in range(1, CATEGORIES + 1)
        )
        inside = min(IN_CATEGORIES, self.args.forums)
        forums = Forum.objects.bulk_create(
            forum(
                f"Forum {number:03d} {self.title()}",
                Forum.FORUM_POST,
                categories[number % CATEGORIES] if number < inside else None,
            )
            for number in range(self.args.forums)
        )
        # django-mptt's own computation of the tree fields (lft, rght, tree_id, level).
        Forum.objects.rebuild()
        say(f"{len(forums)} forums, {len(categories)} categories")
        return forums

    def render(self, raw: str) -> str:
        from machina.models.fields import render_func

        return render_func(raw)

    def topics(self, users: list[int], forums: list) -> None:
        """The portal's spread: the first topic has LONG_TOPIC_POSTS posts, every other at least
        one, the rest drawn uniformly."""
        from machina.apps.forum_conversation.models import Post, Topic
        from machina.apps.forum_member.models import ForumProfile

        count, total = self.args.topics, self.args.posts
        counts = [min(LONG_TOPIC_POSTS, max(1, total - (count - 1)))] + [1] * (count - 1)
        for _ in range(max(0, total - sum(counts))):
            counts[self.rng.randrange(1, count)] += 1 if count > 1 else 0
        posted = dict.fromkeys(users, 0)
        trackers = {forum.pk: [0, 0, None] for forum in forums}  # topics, posts, last post
        done = posts_done = 0
        for start in range(0, count, BATCH // 10):
            topics, threads = [], []
            for number in range(start, min(count, start + BATCH // 10)):
                opened = self.when(600)
                times = sorted(
                    opened + datetime.timedelta(minutes=self.rng.randint(0, 60 * 24 * 90))
                    for _ in range(counts[number] - 1)
                )
                times.insert(0, opened)
                authors = [self.rng.choice(users) for _ in times]
                subject = self.title()
                topics.append(
                    Topic(
                        forum=forums[0] if number == 0 else self.rng.choice(forums),
                        poster_id=authors[0],
                        subject=subject,
                        slug=self.slug(subject),
                        type=Topic.TOPIC_POST,
                        status=Topic.TOPIC_UNLOCKED,
                        approved=True,
                        posts_count=len(times),
                        last_post_on=times[-1],
                        created=opened,
                        updated=times[-1],
                    )
                )
                threads.append(list(zip(times, authors, strict=True)))
            Topic.objects.bulk_create(topics)
            posts = []
            for topic, thread in zip(topics, threads, strict=True):
                for position, (created, author) in enumerate(thread):
                    raw, html = self.content()
                    posts.append(
                        Post(
                            topic_id=topic.pk,
                            poster_id=author,
                            subject=topic.subject if position == 0 else f"Re: {topic.subject}",
                            content=raw,
                            _content_rendered=html,
                            approved=True,
                            enable_signature=True,
                            created=created,
                            updated=created,
                        )
                    )
                    posted[author] += 1
            Post.objects.bulk_create(posts, batch_size=BATCH)
            first = 0
            for topic, thread in zip(topics, threads, strict=True):
                topic.first_post_id = posts[first].pk
                topic.last_post_id = posts[first + len(thread) - 1].pk
                first += len(thread)
                tracker = trackers[topic.forum_id]
                tracker[0] += 1
                tracker[1] += len(thread)
                if tracker[2] is None or topic.last_post_on > tracker[2].last_post_on:
                    tracker[2] = topic
            Topic.objects.bulk_update(topics, ["first_post", "last_post"], batch_size=BATCH)
            done += len(topics)
            posts_done += len(posts)
            if done % 5_000 < BATCH // 10 or done == count:
                say(f"{done} / {count} topics, {posts_done} / {total} posts")
        for forum in forums:
            topics_count, posts_count, last = trackers[forum.pk]
            forum.direct_topics_count, forum.direct_posts_count = topics_count, posts_count
            forum.last_post_id = last.last_post_id if last else None
            forum.last_post_on = last.last_post_on if last else None
        type(forums[0]).objects.bulk_update(
            forums, ["direct_topics_count", "direct_posts_count", "last_post", "last_post_on"]
        )
        ForumProfile.objects.bulk_create(
            (ForumProfile(user_id=user, posts_count=number) for user, number in posted.items()),
            batch_size=BATCH,
        )

    def slug(self, subject: str) -> str:
        from django.utils.text import slugify

        return slugify(subject, allow_unicode=True) or "topic"

    def permissions(self) -> None:
        from machina.apps.forum_permission.models import ForumPermission, UserForumPermission

        codes = dict(ForumPermission.objects.values_list("codename", "pk"))
        UserForumPermission.objects.bulk_create(
            UserForumPermission(permission_id=codes[code], forum=None, has_perm=True, **{who: True})
            for who, granted in PERMISSIONS.items()
            for code in granted
        )
        say("global permissions: anonymous visitors read, members read and write")


def verify(sample: int = 200) -> None:
    """The denormalised fields, as machina's own update_trackers() computes them, on every forum
    and a sample of topics (raises when one differs)."""
    from django.db.models import Sum
    from machina.apps.forum.models import Forum
    from machina.apps.forum_conversation.models import Topic

    for topic in Topic.objects.order_by("?")[:sample]:
        posts = topic.posts.filter(approved=True)
        last = posts.order_by("-created").first()
        expected = (posts.count(), topic.posts.order_by("created").first().pk, last.pk)
        if (topic.posts_count, topic.first_post_id, topic.last_post_id) != expected:
            raise SystemExit(f"peers: machina: topic {topic.pk} trackers differ: {expected}")
    for forum in Forum.objects.filter(type=Forum.FORUM_POST):
        topics = forum.topics.filter(approved=True).order_by("-last_post_on")
        posts = topics.aggregate(total=Sum("posts_count"))["total"] or 0
        last = topics.first()
        expected = (topics.count(), posts, last.last_post_id if last else None)
        found = (forum.direct_topics_count, forum.direct_posts_count, forum.last_post_id)
        if found != expected:
            raise SystemExit(f"peers: machina: forum {forum.pk} trackers {found} != {expected}")
    say(f"trackers checked: every forum, {sample} topics")


def dated_fields_as_given():
    """bulk_create would stamp every created/updated with now (auto_now_add, auto_now): the
    generated dates are kept instead, as if the posts had been written over two years."""
    from machina.apps.forum.models import Forum
    from machina.apps.forum_conversation.models import Post, Topic

    for model in (Forum, Topic, Post):
        for name in ("created", "updated"):
            field = model._meta.get_field(name)
            field.auto_now = field.auto_now_add = False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forums", type=int, default=300)
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--topics", type=int, default=30_000)
    parser.add_argument("--posts", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--small", action="store_true", help="30 forums, 200 users, 300 topics")
    args = parser.parse_args()
    if args.small:
        args.forums, args.users, args.topics, args.posts = 30, 200, 300, 3_000
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from machina.apps.forum_conversation.models import Post

    if get_user_model().objects.filter(username=MEMBER).exists():
        say(f"data already there ({Post.objects.count()} posts)")
        return
    started = time.monotonic()
    say(f"generating {vars(args)}")
    dated_fields_as_given()
    generator = Generator(args)
    # All or nothing: an interrupted run leaves no half data behind, and the next one starts over.
    with transaction.atomic():
        users = generator.users()
        forums = generator.forums()
        generator.topics(users, forums)
        generator.permissions()
    verify()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as on a database in service
    say(f"data generated in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
