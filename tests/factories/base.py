"""What every factory shares: the French Faker and names that no other row has."""

import itertools

from faker import Faker

fake = Faker("fr_FR")
_numbers = itertools.count(1)


def unique(prefix: str) -> str:
    """`prefix` with a number of its own, so that no demo row and no other test row has it."""
    return f"{prefix}-{next(_numbers)}"
