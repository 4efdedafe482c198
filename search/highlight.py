"""Excerpts with the query's words marked, accent- and case-insensitively."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import fold

EXCERPT_LENGTH = 240
STEM_LENGTH = 5  # a word matches a query word sharing its first letters: coopérer ~ coopération


# Lower case without accents, one character for one: positions in the folded text are
# positions in the text, and str.translate folds a long text at C speed.
FOLD_TABLE = {
    code: unicodedata.normalize("NFD", chr(code))[0]
    for code in range(0xC0, 0x250)
    if len(unicodedata.normalize("NFD", chr(code))) > 1
}


def quick_fold(text: str) -> str:
    return text.lower().translate(FOLD_TABLE)


def query_stems(query: str) -> set[str]:
    """What a word must start with, folded, to match a word of the query."""
    return {fold(word)[:STEM_LENGTH] for word in re.findall(r"\w{3,}", query)}


def excerpt(text: str, query: str) -> str:
    """A passage of `text` around the first match of the query, its matches in <mark>."""
    if not text:
        return ""
    stems = query_stems(query)
    first = None
    if stems:
        pattern = r"(?<!\w)(?:" + "|".join(re.escape(stem) for stem in stems) + ")"
        folded = quick_fold(text)
        first = re.search(pattern, folded) if len(folded) == len(text) else None
    start = max(first.start() - EXCERPT_LENGTH // 3, 0) if first else 0
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(start + EXCERPT_LENGTH, len(text))
    parts, position = [], start
    for match in re.finditer(r"\w+", text[start:end]):
        if not stems or fold(match.group())[:STEM_LENGTH] not in stems:
            continue
        if match.end() == end - start and end < len(text):
            break  # a word cut by the end of the passage
        parts += [
            escape(text[position : start + match.start()]),
            f"<mark>{escape(match.group())}</mark>",
        ]
        position = start + match.end()
    parts.append(escape(text[position:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every piece is escaped
