"""What the generator's parts share: the sizes, the constants the bench reads, French text
learnt from the demo content, and the random choices (see portal.generate)."""

import dataclasses
import datetime
import random
import re
import uuid
from collections.abc import Callable, Iterator

from portal.demo import content

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


class GeneratorBase:
    """The random source and the helpers of every part of the generator."""

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
