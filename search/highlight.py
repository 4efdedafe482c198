"""The passage of a text that matches a query, its matching words in <mark>.

A word matches when one of its French terms (search/french.py: folded, stemmed, compounds
joined) is a stem of the query or of one of its phrases' words, so "Collectivités" is marked for
"collectivite", "cœur" for "coeur" and "co-construction" for "coconstruction". Everything else is
escaped: the passage is safe HTML whatever the text holds.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .french import STOP_WORDS, compound_terms, compounds, fold, stem

EXCERPT_LENGTH = 240
MAX_SCANNED = 300_000  # characters looked through for a first match (a long document's text)
# A word as typed, with the words joined to it by hyphens (ASCII or Unicode).
TYPED_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)*")


def wanted(searched) -> frozenset[str]:
    """The stems a word must have one of to be marked: the query's, and its phrases' words'."""
    if searched is None:
        return frozenset()
    in_phrases = [
        stem(word) for phrase in searched.phrases for word in phrase if word not in STOP_WORDS
    ]
    return frozenset([*searched.required, *in_phrases])


@lru_cache(maxsize=50_000)
def word_terms(word: str) -> frozenset[str]:
    return frozenset(term for parts in compounds(fold(word)) for term in compound_terms(parts))


def matches(text: str, searched) -> bool:
    """Whether a word of `text` matches the query."""
    stems = wanted(searched)
    return bool(stems) and first_match(text, stems) is not None


def first_match(text: str, stems: frozenset[str]):
    for match in TYPED_WORD.finditer(text, 0, MAX_SCANNED):
        if word_terms(match.group()) & stems:
            return match
    return None


def excerpt(text: str, searched, length: int = EXCERPT_LENGTH) -> str:
    """About `length` characters of `text` around its first match of the query (its beginning
    when nothing matches), the matching words in <mark>."""
    if not text:
        return ""
    stems = wanted(searched)
    first = first_match(text, stems) if stems else None
    start = max(first.start() - length // 3, 0) if first else 0
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(start + length, len(text))
    parts, position = [], start
    for match in TYPED_WORD.finditer(text, start, end):
        if match.end() == end and end < len(text):
            break  # a word cut by the end of the passage
        if not word_terms(match.group()) & stems:
            continue
        parts += [escape(text[position : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        position = match.end()
    parts.append(escape(text[position:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every piece is escaped
