"""Text helpers shared by every app: what typed text loses, numbers typed by hand, and the
French stems that search indexes beside the text (see search/french.py)."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
# direction marks (U+200E, U+200F, U+061C): typed into a title, a name or a file name they make
# it read otherwise than it is ("facture‮fdp.exe" shows as "facture exe.pdf").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def strip_bidi_controls(text: str) -> str:
    """`text` without the characters that reorder how it is displayed."""
    return BIDI_CONTROLS.sub("", text)


# The largest id a lookup is asked for: PostgreSQL's `integer`, the type of Wagtail's page ids.
MAX_ID = 2**31 - 1
ASCII_NUMBER = re.compile(r"[0-9]{1,10}")


def parse_number(raw, *, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """The whole number typed in a URL or a form field by hand, or None for anything else.

    Only ASCII digits count: `str.isdigit()` accepts "²" and `int()` accepts "٣", and neither
    belongs in an address. Every id, page number or count read from `request.GET` or
    `request.POST` outside a form goes through here."""
    if not isinstance(raw, str) or not ASCII_NUMBER.fullmatch(raw):
        return None
    number = int(raw)
    return number if minimum <= number <= maximum else None


_stemmer = snowballstemmer.stemmer("french")
WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Snowball's French stem of `word`, a plural's final s or x dropped first, accents
    folded."""
    word = word.lower()
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    return fold(_stemmer.stemWord(word))


def stems(text: str) -> str:
    return " ".join(stem(word) for word in WORD.findall(text))
