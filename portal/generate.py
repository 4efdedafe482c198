"""Generated data at a national portal's scale, for the benchmarks (`manage.py generate_data`).

Deterministic for a given seed. The French text is made by a word chain learnt from the demo
content (each word is followed by a word that follows it somewhere in `portal/demo/content.py`),
so phrases of the demo ("projet de territoire") recur and the words have natural frequencies.

Everything is created in bulk. Pages are appended under the demo's index pages by computing
their place in Wagtail's tree ourselves (treebeard's materialised path: `path`, `depth`,
`url_path`, the parent's `numchild`); each page is a `wagtailcore_page` row created with
`bulk_create` plus its specific row inserted with the same primary key. Pages are live, without
revisions. The forum counters (`post_count`, `last_post_at`) are set as the services would.
"""

import dataclasses
import datetime
import html
import random
import re
import uuid
from collections.abc import Callable, Iterator

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from wagtail.models import Page

from core.models import Territory, TerritoryKind
from experiences.models import ExperienceIndexPage, ExperienceSheetPage
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
from portal.demo import content
from resources.captions import captions_from_cues
from resources.models import Expert, ResourceIndexPage, StepPage, ToolBoxPage, ToolPage, VideoPage

BENCH_USERNAME = "membre-00001"  # a member of the bench space, with notifications
BENCH_SPACE_SLUG = "espace-000"  # a public space whose first topic has BENCH_TOPIC_POSTS posts
BENCH_TOPIC_POSTS = 500
RARE_WORD = "hydrogéologie"  # planted in a few pages and posts: the bench's rare search word
PASSWORD = "banc-bloc-local"  # noqa: S105 - generated accounts, for benchmarks only
START = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
BATCH = 2000

FIRST_NAMES = [
    "Anne",
    "Bruno",
    "Camille",
    "Claire",
    "David",
    "Élodie",
    "Emma",
    "Fabrice",
    "Florence",
    "Hélène",
    "Hugo",
    "Isabelle",
    "Jean",
    "Julie",
    "Karim",
    "Laure",
    "Louis",
    "Lucie",
    "Marc",
    "Marie",
    "Mathieu",
    "Nadia",
    "Nathalie",
    "Nicolas",
    "Olivier",
    "Pascal",
    "Pauline",
    "Pierre",
    "Sandrine",
    "Sophie",
    "Stéphane",
    "Thomas",
    "Valérie",
    "Yann",
    "Yasmine",
]
LAST_NAMES = [
    "Bernard",
    "Blanc",
    "Bonnet",
    "Chevalier",
    "David",
    "Dubois",
    "Durand",
    "Fontaine",
    "Fournier",
    "Garnier",
    "Gauthier",
    "Girard",
    "Guérin",
    "Lambert",
    "Laurent",
    "Lefebvre",
    "Leroy",
    "Martin",
    "Mercier",
    "Moreau",
    "Morel",
    "Petit",
    "Richard",
    "Robert",
    "Roussel",
    "Roux",
    "Simon",
    "Thomas",
    "Vincent",
]


@dataclasses.dataclass
class Sizes:
    sheets: int = 2_000
    videos: int = 5_000
    tools: int = 1_000
    members: int = 20_000
    spaces: int = 300
    topics: int = 30_000
    posts: int = 300_000
    cues: int = 40  # per video transcript


class Text:
    """French sentences from a word chain learnt from the demo content."""

    TOKEN = re.compile(r"[\wÀ-ÿœŒ’'-]+|[.,;:!?]")

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.follow: dict[str, list[str]] = {}
        self.starts: list[str] = []
        for text in _strings(vars(content)):
            tokens = self.TOKEN.findall(text)
            previous = "."
            for token in tokens:
                if previous in ".!?" and token[0].isupper():
                    self.starts.append(token)
                self.follow.setdefault(previous, []).append(token)
                previous = token
            self.follow.setdefault(previous, []).append(".")

    def sentence(self, low: int = 8, high: int = 22) -> str:
        choice = self.rng.choice
        words = [choice(self.starts)]
        limit = self.rng.randint(low, high)
        while len(words) < limit:
            word = choice(self.follow.get(words[-1]) or self.starts)
            if word in ".!?":
                if len(words) >= low:
                    break
                word = ","
            if word in ",;:" and words[-1] in ",;:":
                continue
            words.append(word)
        if words[-1] in ",;:":
            words.pop()
        text = " ".join(words).replace(" ,", ",").replace(" .", ".")
        return text[0].upper() + text[1:] + "."

    def title(self) -> str:
        return self.sentence(4, 9).rstrip(".").replace(",", "")[:190]

    def paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(sentences))


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _batches(items: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Generator:
    def __init__(self, sizes: Sizes, *, seed: int = 1, log: Callable[[str], None] = print):
        self.sizes = sizes
        self.rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
        self.text = Text(self.rng)
        self.log = log

    def progress(self, label: str, done: int, total: int) -> None:
        self.log(f"{label} : {done}/{total}")

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def when(self, days: int = 700) -> datetime.datetime:
        return START + datetime.timedelta(seconds=self.rng.randrange(days * 86_400))

    def planted(self, text: str, share: int = 400) -> str:
        """Plants the rare word in about one text out of `share`."""
        return f"{text} {RARE_WORD.capitalize()}." if self.rng.randrange(share) == 0 else text

    @transaction.atomic
    def run(self) -> None:
        steps = list(StepPage.objects.live().order_by("path").values_list("pk", flat=True))
        territories = self.territories(max(4, self.sizes.sheets // 10))
        experts = self.experts(40)
        videos = self.pages(
            ResourceIndexPage.objects.get(), "Vidéos", self.sizes.videos, self.video
        )
        self.link(VideoPage, "speakers", videos, experts, 1, 2)
        self.link(VideoPage, "steps", videos, steps, 1, 3)
        tools = self.pages(
            ToolBoxPage.objects.filter(depth=3).get(), "Outils", self.sizes.tools, self.tool
        )
        self.link(ToolPage, "steps", tools, steps, 1, 3)
        sheets = self.pages(
            ExperienceIndexPage.objects.get(),
            "Fiches",
            self.sizes.sheets,
            lambda number: self.sheet(number, territories),
        )
        self.link(ExperienceSheetPage, "steps", sheets, steps, 1, 3)
        self.link(ExperienceSheetPage, "related_videos", sheets, videos, 1, 3)
        self.link(ExperienceSheetPage, "related_tools", sheets, tools, 1, 2)
        members = self.members()
        spaces = self.spaces(territories)
        self.memberships(members, spaces)
        self.topics(members, spaces, resources=sheets + videos + tools)

    # Pages

    def pages(self, parent: Page, label: str, count: int, build: Callable) -> list[int]:
        """Appends `count` live pages made by `build(number)` under `parent`; their ids."""
        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        position = Page._str2int(last.path[-Page.steplen :]) if last else 0
        ids = []
        for start in range(0, count, BATCH):
            batch = [build(number) for number in range(start, min(count, start + BATCH))]
            model = type(batch[0])
            content_type = ContentType.objects.get_for_model(model)
            for page in batch:
                position += 1
                published = self.when()
                page.path = Page._get_path(parent.path, parent.depth + 1, position)
                page.depth, page.numchild = parent.depth + 1, 0
                page.url_path = f"{parent.url_path}{page.slug}/"
                page.content_type = content_type
                page.live, page.has_unpublished_changes = True, False
                page.first_published_at = page.last_published_at = published
                page.latest_revision_created_at = published
                page.draft_title = page.title
                page.locale_id = parent.locale_id
                page.translation_key = self.uuid()
            base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
            rows = Page.objects.bulk_create(
                [
                    Page(**{field.attname: getattr(page, field.attname) for field in base_fields})
                    for page in batch
                ]
            )
            for page, row in zip(batch, rows, strict=True):
                page.pk = page.id = row.pk
            model.objects.all()._insert(batch, fields=model._meta.local_concrete_fields)
            ids += [page.pk for page in batch]
            self.progress(label, len(ids), count)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
        return ids

    def link(self, model, name: str, sources: list[int], targets: list[int], low, high) -> None:
        """Fills a many-to-many field: each source gets from `low` to `high` random targets."""
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [
            through(**{source: page, target: chosen})
            for page in sources
            for chosen in self.rng.sample(targets, min(len(targets), self.rng.randint(low, high)))
        ]
        through.objects.bulk_create(rows, batch_size=BATCH)

    def blocks(self, items: list[tuple[str, object]]) -> list[dict]:
        return [{"type": kind, "value": value, "id": str(self.uuid())} for kind, value in items]

    def sheet(self, number: int, territories: list[Territory]) -> ExperienceSheetPage:
        text = self.text
        lessons = ["success", "obstacle", "echo", "question"]
        return ExperienceSheetPage(
            title=text.title(),
            slug=f"fiche-{number:05d}",
            summary=text.sentence()[:400],
            territory_id=self.rng.choice(territories).pk,
            challenge=self.planted(text.paragraph(3)),
            productions="<ul>"
            + "".join(f"<li>{html.escape(text.sentence(4, 10))}</li>" for _ in range(3))
            + "</ul>",
            phases=self.blocks(
                [
                    ("phase", {"title": text.title(), "period": "", "text": text.paragraph(2)})
                    for _ in range(3)
                ]
            ),
            facilitator_role=text.paragraph(2),
            lessons=self.blocks([(kind, text.paragraph(1)) for kind in lessons]),
            last_reviewed=self.when().date(),
        )

    def video(self, number: int) -> VideoPage:
        text = self.text
        cues, second = [], 0
        for _ in range(self.sizes.cues):
            length = self.rng.randint(4, 12)
            cues.append((second, second + length, text.sentence(6, 18)))
            second += length
        cues[-1] = (*cues[-1][:2], self.planted(cues[-1][2]))
        return VideoPage(
            title=text.title(),
            slug=f"video-{number:05d}",
            summary=text.sentence()[:400],
            duration=datetime.timedelta(seconds=second),
            captions=captions_from_cues(cues),
            video_url=f"https://videos.bloc-local.example/generee-{number:05d}.mp4",
            last_reviewed=self.when().date(),
        )

    def tool(self, number: int) -> ToolPage:
        text = self.text
        return ToolPage(
            title=text.title(),
            slug=f"outil-{number:05d}",
            summary=text.sentence()[:400],
            purpose=self.planted(text.paragraph(2)),
            when_to_use=text.paragraph(1),
            how="<ol>"
            + "".join(f"<li>{html.escape(text.sentence(4, 12))}</li>" for _ in range(4))
            + "</ol>",
            last_reviewed=self.when().date(),
        )

    # Snippets

    def territories(self, count: int) -> list[Territory]:
        kinds = list(TerritoryKind.values)
        Territory.objects.bulk_create(
            [
                Territory(
                    name=f"Territoire généré {number:04d}",
                    kind=self.rng.choice(kinds),
                    department=f"{self.rng.randint(1, 95):02d}",
                    communes=self.rng.randint(5, 60),
                    population=self.rng.randint(5_000, 250_000),
                )
                for number in range(count)
            ],
            batch_size=BATCH,
        )
        return list(Territory.objects.filter(name__startswith="Territoire généré "))

    def experts(self, count: int) -> list[int]:
        Expert.objects.bulk_create(
            [
                Expert(
                    name=f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)} ({n})",
                    role=self.text.title()[:200],
                )
                for n in range(count)
            ]
        )
        return list(Expert.objects.values_list("pk", flat=True))

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


def is_generated() -> bool:
    return get_user_model().objects.filter(username=BENCH_USERNAME).exists()
