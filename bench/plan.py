"""The requests of each run, drawn (seeded) from the catalogue: a page type's URLs with a Zipf
skew (a few hot, most cold), or the mixed run's traffic, uniform over the full data, half
anonymous, half members, with writes through the real forms.

A step is (kind, path, cookie, post path, post body): with a post path, the load generator GETs
the page, reads its CSRF token and POSTs the form (bench/wrk.lua)."""

import itertools
import random
from urllib.parse import quote_plus

from bench.catalogue import SEARCH_KINDS, search_paths

MEMBERS_ONLY = ("profile", "notifications")
# The mixed run's reads: share of each page type (URLs uniform within a type).
MIX = {
    "home": 6,
    "sheet": 14,
    "video": 14,
    "tool": 7,
    "step": 4,
    "sheet index": 3,
    "video index": 3,
    "tool index": 2,
    "space list": 4,
    "space": 7,
    "topic, first page": 18,
    "topic, later page": 6,
    "profile": 2,
    "notifications": 2,
    **dict.fromkeys(SEARCH_KINDS, 2),
}
WRITES = {"reply": 5, "reaction": 3, "report": 2}
WRITE_SHARE = 0.10  # of the requests: POSTs (each comes after the GET of its form)
ZIPF_S = 1.0


def page_types(catalogue) -> list[str]:
    return [kind for kind in MIX if kind in catalogue.urls or kind in SEARCH_KINDS]


def urls_for(catalogue, kind: str, anonymous: bool) -> list[str]:
    if anonymous and kind in catalogue.public:
        return catalogue.public[kind]
    return catalogue.urls[kind]


def zipf(items: list, count: int, rng: random.Random) -> list:
    """`count` draws from `items` in a seeded order of popularity: rank r weighs 1/r^s."""
    order = items[:]
    rng.shuffle(order)
    weights = list(itertools.accumulate(1 / (rank**ZIPF_S) for rank in range(1, len(order) + 1)))
    return rng.choices(order, cum_weights=weights, k=count)


def page_run(catalogue, kind: str, anonymous: bool, count: int, seed: int) -> list[tuple]:
    """One page type: distinct URLs with a Zipf skew (search: distinct queries, uniform), and
    for members, sessions drawn among every audience."""
    rng = random.Random(f"{seed}:{kind}:{anonymous}")  # noqa: S311 - reproducible draws
    if kind in SEARCH_KINDS:
        paths = search_paths(catalogue.words, kind, count, rng)
        paths = (paths * (count // max(1, len(paths)) + 1))[:count]
    else:
        paths = zipf(urls_for(catalogue, kind, anonymous), count, rng)
    steps = []
    for path in paths:
        cookie = "" if anonymous else rng.choice(catalogue.members).cookie
        steps.append((kind, path, cookie, "", ""))
    return steps


class Mixed:
    """The mixed run's traffic (see module docstring); `writes`: whether 10 % are POSTs."""

    def __init__(self, catalogue, seed: int):
        self.catalogue = catalogue
        self.rng = random.Random(f"{seed}:mixed")  # noqa: S311 - reproducible draws
        self.kinds = page_types(catalogue)
        self.weights = [MIX[kind] for kind in self.kinds]
        self.search = {
            kind: search_paths(catalogue.words, kind, 5_000, self.rng) for kind in SEARCH_KINDS
        }
        self.by_space = {}
        for topic in catalogue.topics:
            self.by_space.setdefault(topic.space_id, []).append(topic)
        self.readable = [topic for topic in catalogue.topics if not topic.private]
        self.writers = itertools.cycle(catalogue.members)  # each writes in turn: rate limits
        self.written = 0

    def steps(self, count: int, writes: bool) -> list[tuple]:
        # A write is a GET and a POST: POSTs are WRITE_SHARE of the requests when writes take
        # this share of the member actions (half the actions are anonymous).
        member_write = 2 * WRITE_SHARE / (1 - WRITE_SHARE) if writes else 0
        steps = []
        while len(steps) < count:
            anonymous = self.rng.random() < 0.5
            if not anonymous and self.rng.random() < member_write:
                steps.append(self.write())
            else:
                steps.append(self.read(anonymous))
        return steps

    def read(self, anonymous: bool) -> tuple:
        rng = self.rng
        kind = rng.choices(self.kinds, self.weights)[0]
        while anonymous and kind in MEMBERS_ONLY:
            kind = rng.choices(self.kinds, self.weights)[0]
        member = None if anonymous else rng.choice(self.catalogue.members)
        if kind in SEARCH_KINDS:
            path = rng.choice(self.search[kind])
        elif member and kind.startswith("topic") and rng.random() < 0.3:
            topic = self.own_topic(member)
            page = (
                rng.randint(2, topic.pages)
                if kind.endswith("later page") and topic.pages > 1
                else 1
            )
            path = topic.path if page == 1 else f"{topic.path}?page={page}"
        else:
            path = rng.choice(self.urls(kind, anonymous))
        return (kind, path, member.cookie if member else "", "", "")

    def urls(self, kind: str, anonymous: bool) -> list[str]:
        return (self.catalogue.public if anonymous else {}).get(kind) or self.catalogue.urls[kind]

    def own_topic(self, member):
        """A topic of one of the member's spaces, or any topic they may read."""
        spaces = [space for space in member.spaces if space in self.by_space]
        if spaces and self.rng.random() < 0.8:
            return self.rng.choice(self.by_space[self.rng.choice(spaces)])
        return self.rng.choice(self.readable)

    def write(self) -> tuple:
        member = next(self.writers)
        kind = self.rng.choices(list(WRITES), list(WRITES.values()))[0]
        topic = self.own_topic(member)
        while topic.first_author == member.user_id:
            topic = self.rng.choice(self.readable)
        self.written += 1
        if kind == "reply":
            text = (
                f"Merci pour ce retour ({self.written}). Nous avons engagé une démarche proche "
                "sur notre territoire, avec les communes et les associations."
            )
            last = f"{topic.path}?page={topic.pages}" if topic.pages > 1 else topic.path
            return (
                "reply",
                last,
                member.cookie,
                f"{topic.path}repondre/",
                "body=" + quote_plus(text),
            )
        if kind == "reaction":
            post = f"/espaces/messages/{topic.first_post}/utile/"
            return ("reaction", topic.path, member.cookie, post, "")
        report = f"/espaces/messages/{topic.first_post}/signaler/"
        reason = quote_plus(f"Hors sujet ({self.written}) : à déplacer dans un autre espace.")
        return ("report", report, member.cookie, report, "reason=" + reason)
