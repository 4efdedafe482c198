"""What a visitor types, made into a query that every backend accepts.

The backends take some of a query's text as syntax: SQLite's FTS5 (`"`, `*`, `?`, `%`, `(`,
a colon, an empty match), PostgreSQL's `to_tsquery` (`&`, `|`, `!`, `:`) for autocompletion,
OpenSearch little. So nothing typed reaches them but words: runs of letters and digits (any
script). Everything else separates words. A phrase is the words between two double quotes; an
unbalanced quote is ignored. A text without a word searches nothing: the page says so.
"""

import re

from wagtail.search.query import And, Phrase, PlainText

# Letters and digits, of any script; "_" separates words, as it does in the FTS5 index.
WORD = re.compile(r"[^\W_]+")
PHRASE = re.compile(r'"([^"]*)"')
MAX_WORDS = 20  # a longer query finds nothing more, and costs the backend


def words(text: str) -> list[str]:
    """The words of `text`, at most MAX_WORDS."""
    return WORD.findall(text)[:MAX_WORDS]


def parse(text: str):
    """Every word required, phrases exact; None when `text` holds no word."""
    phrases, outside, position = [], [], 0
    for match in PHRASE.finditer(text):
        outside.append(text[position : match.start()])
        position = match.end()
        found = words(match.group(1))
        if len(found) > 1:
            phrases.append(found)
        else:
            outside += found  # a one-word phrase is a word, searched by its stem
    outside.append(text[position:])
    plain = words(" ".join(outside))
    budget = MAX_WORDS - len(plain)
    parts = [PlainText(" ".join(plain), operator="and")] if plain else []
    for phrase in phrases:
        if budget < 2:
            break
        parts.append(Phrase(" ".join(phrase[:budget])))
        budget -= len(phrase)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def autocomplete_text(text: str) -> str:
    """What is typed, as the words an autocompletion looks for ("" for none)."""
    return " ".join(words(text))
