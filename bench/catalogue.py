"""What the bench draws from the data: the URLs of each page type, the members' sessions by
audience, and the search vocabulary. Read once from the database, in the bench's process."""

import dataclasses
import math
import random
import re
from collections import Counter
from urllib.parse import quote, urlencode

AUDIENCES = ("plain member", "private-space member", "moderator", "staff")
STAFF_PREFIX = "banc-personnel-"  # staff accounts the bench creates when the data has none


@dataclasses.dataclass
class Member:
    user_id: int
    audience: str
    cookie: str
    spaces: set  # spaces where the membership is active (private ones included)


@dataclasses.dataclass
class Topic:
    pk: int
    path: str
    space_id: int
    private: bool
    public: bool
    pages: int
    first_post: int
    first_author: int


@dataclasses.dataclass
class Catalogue:
    urls: dict  # page type -> list of paths every member may read (anonymous: `public`)
    public: dict  # page type -> the paths anonymous visitors may read, where they differ
    topics: list
    members: list
    words: dict  # "common", "rare", "phrases"


def site_paths(model) -> list[str]:
    """Paths of the live pages of `model`, from Wagtail's url_path (no per-page query)."""
    from wagtail.models import Site

    root = Site.objects.get(is_default_site=True).root_page.url_path
    paths = model.objects.live().public().order_by("path").values_list("url_path", flat=True)
    return ["/" + path[len(root) :] for path in paths]


def index_paths(model, child, page_size: int) -> list[str]:
    """Every page of a paginated index: its first page, then ?page=2…"""
    paths = []
    for index_path in site_paths(model):
        count = child.objects.live().public().count()
        pages = max(1, math.ceil(count / page_size))
        paths += [index_path] + [f"{index_path}?page={page}" for page in range(2, pages + 1)]
    return paths


def load(sessions: int, seed: int) -> Catalogue:
    from accounts.models import Profile
    from experiences.models import PAGE_SIZE as SHEETS_PAGE
    from experiences.models import ExperienceIndexPage, ExperienceSheetPage
    from forums.models import Space
    from resources.models import ResourceIndexPage, StepPage, ToolBoxPage, ToolPage, VideoPage
    from resources.models.tools import PAGE_SIZE as TOOLS_PAGE
    from resources.models.videos import PAGE_SIZE as VIDEOS_PAGE

    spaces = list(Space.objects.active().order_by("slug"))
    topics = load_topics(spaces)
    readable = [topic for topic in topics if not topic.private]
    urls = {
        "home": ["/"],
        "sheet": site_paths(ExperienceSheetPage),
        "video": site_paths(VideoPage),
        "tool": site_paths(ToolPage),
        "step": site_paths(StepPage),
        "sheet index": index_paths(ExperienceIndexPage, ExperienceSheetPage, SHEETS_PAGE),
        "video index": index_paths(ResourceIndexPage, VideoPage, VIDEOS_PAGE),
        "tool index": index_paths(ToolBoxPage, ToolPage, TOOLS_PAGE),
        "space list": ["/espaces/"],
        "space": [f"/espaces/{space.slug}/" for space in spaces],
        "topic, first page": [topic.path for topic in readable],
        "topic, later page": [
            f"{topic.path}?page={page}" for topic in readable for page in range(2, topic.pages + 1)
        ],
        "profile": [
            f"/membres/{pk}/"
            for pk in Profile.objects.in_directory().order_by("pk").values_list("pk", flat=True)
        ],
        "notifications": ["/espaces/notifications/"],
    }
    public = {
        "topic, first page": [topic.path for topic in topics if topic.public],
        "topic, later page": [
            f"{topic.path}?page={page}"
            for topic in topics
            if topic.public
            for page in range(2, topic.pages + 1)
        ],
    }
    for kind in ("topic, later page", "profile"):
        if not urls[kind]:
            del urls[kind]
    return Catalogue(urls, public, topics, members(spaces, sessions, seed), vocabulary())


def load_topics(spaces) -> list[Topic]:
    from forums.models import Post, Visibility
    from forums.models import Topic as TopicModel
    from forums.selectors import POSTS_PER_PAGE

    by_pk = {space.pk: space for space in spaces}
    firsts = dict(
        Post.objects.filter(topic__space__in=spaces)
        .order_by("topic_id", "created_at", "pk")
        .distinct("topic_id")
        .values_list("topic_id", "pk")
        if _postgres()
        else _first_posts(spaces)
    )
    rows = TopicModel.objects.filter(space__in=spaces, is_locked=False).order_by("pk")
    topics = []
    for pk, space_id, count, author in rows.values_list(
        "pk", "space_id", "post_count", "author_id"
    ):
        space = by_pk[space_id]
        if pk not in firsts:
            continue
        topics.append(
            Topic(
                pk=pk,
                path=f"/espaces/{space.slug}/sujets/{pk}/",
                space_id=space_id,
                private=space.visibility == Visibility.PRIVATE,
                public=space.visibility == Visibility.PUBLIC,
                pages=max(1, math.ceil(count / POSTS_PER_PAGE)),
                first_post=firsts[pk],
                first_author=author,
            )
        )
    return topics


def _postgres() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def _first_posts(spaces):
    from django.db.models import Min

    from forums.models import Post

    firsts = Post.objects.filter(topic__space__in=spaces).values("topic_id").annotate(Min("pk"))
    return [(row["topic_id"], row["pk__min"]) for row in firsts]


def members(spaces, count: int, seed: int) -> list[Member]:
    """`count` sessions made ahead through Django's session store, over the audiences: most
    plain members, then members of private spaces, moderators and a few staff."""
    from django.contrib.auth import get_user_model

    from forums.models import Membership, Role, Visibility

    User = get_user_model()
    private = {space.pk for space in spaces if space.visibility == Visibility.PRIVATE}
    active, moderating = {}, set()
    memberships = (
        Membership.objects.active()
        .filter(user__is_active=True, user__is_staff=False)
        .values_list("user_id", "space_id", "role")
    )
    for user, space, role in memberships.iterator():
        active.setdefault(user, set()).add(space)
        if role == Role.MODERATOR:
            moderating.add(user)
    rng = random.Random(seed)  # noqa: S311 - reproducible draws
    groups = {"moderator": sorted(moderating)}
    rest = sorted(set(active) - moderating)
    groups["private-space member"] = [user for user in rest if active[user] & private]
    groups["plain member"] = [user for user in rest if not active[user] & private]
    groups["staff"] = staff_accounts(max(2, count // 30))
    shares = {"staff": len(groups["staff"]), "moderator": count // 6}
    shares["private-space member"] = count // 4
    shares["plain member"] = count - sum(shares.values())
    chosen = []
    for audience in AUDIENCES:
        users = groups[audience]
        for user in rng.sample(users, min(len(users), shares[audience])):
            chosen.append(Member(user, audience, "", active.get(user, set())))
    by_pk = User.objects.in_bulk([member.user_id for member in chosen])
    for member in chosen:
        member.cookie = session_cookie(by_pk[member.user_id])
    return chosen


def staff_accounts(count: int) -> list[int]:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    for number in range(1, count + 1):
        User.objects.get_or_create(
            username=f"{STAFF_PREFIX}{number}",
            defaults={"is_staff": True, "email": f"{STAFF_PREFIX}{number}@bloc-local.example"},
        )
    staff = User.objects.filter(is_staff=True, is_active=True, is_superuser=False)
    return list(staff.order_by("pk").values_list("pk", flat=True)[:count])


def session_cookie(user) -> str:
    """A logged-in session, as Django's login would store it, and the CSRF cookie a browser
    keeps from its earlier visits (a 32-character secret, as Django makes them)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.utils.crypto import get_random_string

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    csrf = get_random_string(32)
    return (
        f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"
    )


# Search vocabulary

TOKEN = re.compile(r"[\wÀ-ÿœŒ’'-]+")


def vocabulary() -> dict:
    """Words of the indexed text: the generator's word chain is learnt from the demo content,
    so the demo's frequencies are the generated text's. Common words: the most frequent of 5
    letters or more; rare: those seen once; phrases: frequent runs of three words."""
    from portal.demo import content
    from portal.generate import RARE_WORD
    from portal.generate.base import _strings

    words, phrases = Counter(), Counter()
    for text in _strings(vars(content)):
        for sentence in re.split(r"[.,;:!?()«»\n]", text):
            tokens = [token.lower() for token in TOKEN.findall(sentence)]
            words.update(token for token in tokens if len(token) >= 5 and token.isalpha())
            for first, middle, last in zip(tokens, tokens[1:], tokens[2:], strict=False):
                if len(first) >= 4 and len(last) >= 4 and first.isalpha() and last.isalpha():
                    phrases[f"{first} {middle} {last}"] += 1
    ranked = [word for word, _count in words.most_common()]
    return {
        "common": ranked[:80],
        "rare": sorted({RARE_WORD} | {word for word, seen in words.items() if seen == 1}),
        "phrases": [phrase for phrase, seen in phrases.most_common(60) if seen >= 2],
    }


SEARCH_KINDS = ("search, common word", "search, rare word", "search, phrase", "search, filtered")
TYPES = ("fiches", "videos", "outils", "pages", "discussions")


def search_paths(words: dict, kind: str, count: int, rng: random.Random) -> list[str]:
    """`count` search URLs of one kind, distinct as long as the vocabulary allows: a common
    word alone or with another; a rare word, alone or with a common one; a phrase in quotes;
    a common word with a type filter."""
    common, rare = words["common"], words["rare"]
    phrases = words["phrases"] or common
    seen, paths = set(), []
    for _attempt in range(count * 4):
        if len(paths) >= count:
            break
        params = {}
        if kind == "search, common word":
            params["q"] = " ".join(rng.sample(common, rng.choice((1, 2))))
        elif kind == "search, rare word":
            extra = [rng.choice(common)] if rng.random() < 0.5 else []
            params["q"] = " ".join([rng.choice(rare), *extra])
        elif kind == "search, phrase":
            params["q"] = f'"{rng.choice(phrases)}"'
        else:
            params["q"] = rng.choice(common)
            params["type"] = rng.choice(TYPES)
        path = "/recherche/?" + urlencode(params, quote_via=quote)
        if path not in seen:
            seen.add(path)
            paths.append(path)
    return paths
