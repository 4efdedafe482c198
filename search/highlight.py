"""Excerpts with the query's words marked, accent- and case-insensitively."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

EXCERPT_LENGTH = 240
STEM_LENGTH = 5  # a word matches a query word sharing its first letters: coopérer ~ coopération


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def excerpt(text: str, query: str) -> str:
    """A passage of `text` around the first match of the query, its matches in <mark>."""
    if not text:
        return ""
    stems = {fold(word)[:STEM_LENGTH] for word in re.findall(r"\w{3,}", query)}
    words = list(re.finditer(r"\w+", text))
    matches = [word for word in words if stems and fold(word.group())[:STEM_LENGTH] in stems]
    start = max(matches[0].start() - EXCERPT_LENGTH // 3, 0) if matches else 0
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(start + EXCERPT_LENGTH, len(text))
    parts, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts += [escape(text[position : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        position = match.end()
    parts.append(escape(text[position:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every piece is escaped
