"""What every factory shares: the French Faker and names that no other row has."""

import itertools

from faker import Faker

fake = Faker("fr_FR")
_numbers = itertools.count(1)


def unique(prefix: str) -> str:
    """`prefix` with a number of its own, so that no demo row and no other test row has it."""
    return f"{prefix}-{next(_numbers)}"


def french_title(words: int = 5) -> str:
    """A French sentence to title a page or a topic, with typographic apostrophes: what a
    template shows as it is, so that a test finds the title in the page."""
    return fake.sentence(nb_words=words).rstrip(".").replace("'", "’")
