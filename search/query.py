"""What a visitor types, made into a query that every backend accepts and reads the same way.

The backends take some of a query's text as syntax: SQLite's FTS5 (`"`, `*`, `?`, `%`, `(`,
a colon, `NOT`/`OR`/`NEAR` between words, an empty match), PostgreSQL's `to_tsquery` (`&`, `|`,
`!`, `:`, `<->`) for autocompletion, OpenSearch little. So nothing typed reaches them but the
folded words and stems of search/french.py: runs of letters and digits (any script), never a
sign. Everything else separates words, and the structure (all words, exclusions, phrases, "most
of the words") is built from wagtail.search.query objects, never from typed text.

- Plain words are required, by their stems; stop words are dropped unless the query has
  nothing else ("de la" still searches something).
- `-mot` excludes a word; a lone minus, or a hyphen inside a word ("co-construction"), does not.
  A query made only of exclusions searches its words.
- The words between two double quotes (also “ ”) are a phrase, folded, matched in order; an
  unbalanced quote is ignored; a one-word phrase is a word.
- A hyphenated word is searched by its joined stem, which the index holds for both spellings.
- At most MAX_WORDS words in all; a text without a word searches nothing: the page says so.
"""

import re
from dataclasses import dataclass, replace
from itertools import combinations
from math import ceil, comb

from wagtail.search.query import And, Not, Or, Phrase, PlainText

from .french import STOP_WORDS, compounds, fold, stem

# Letters and digits, of any script; "_" separates words, as it does in the FTS5 index.
WORD = re.compile(r"[^\W_]+")
PHRASE = re.compile(r'"([^"]*)"')
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"'})
MAX_WORDS = 20  # a longer query finds nothing more, and costs the backend
MAX_COMBINATIONS = 50  # of the relaxed query: each is one AND of the backend's query


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: what the search page asks every backend."""

    required: tuple[str, ...] = ()  # stems, all required (or `minimum` of them)
    excluded: tuple[str, ...] = ()  # stems that no hit may hold
    phrases: tuple[tuple[str, ...], ...] = ()  # folded words, in their order
    minimum: int = 0  # 0: every required stem; else at least this many of them (relaxed)

    @property
    def approximate(self) -> bool:
        return bool(self.minimum)

    def relaxed(self) -> "SearchQuery | None":
        """The query of "most of the words", searched when all of them find nothing: at least
        two thirds of the required stems (more when a query has so many words that two thirds
        would make over MAX_COMBINATIONS combinations), phrases and exclusions kept. Every
        backend reads it alike as an OR of ANDs. None when it would be the same query
        (fewer than three words)."""
        count = len(self.required)
        if self.minimum or count < 3:
            return None
        minimum = ceil(2 * count / 3)
        while comb(count, minimum) > MAX_COMBINATIONS:
            minimum += 1
        return replace(self, minimum=minimum) if minimum < count else None

    def to_wagtail(self):
        """The wagtail.search.query object: stems are found in an object's stems, phrases in
        its folded text (both indexed, see search/french.py)."""
        parts = []
        if self.required and self.minimum:
            parts.append(
                Or(
                    [
                        PlainText(" ".join(chosen), operator="and")
                        for chosen in combinations(self.required, self.minimum)
                    ]
                )
            )
        elif self.required:
            parts.append(PlainText(" ".join(self.required), operator="and"))
        parts += [Phrase(" ".join(phrase)) for phrase in self.phrases]
        query = parts[0] if len(parts) == 1 else And(parts)
        if self.excluded:
            query = And([query, Not(PlainText(" ".join(self.excluded), operator="or"))])
        return query


def parse(text: str) -> SearchQuery | None:
    """The query typed in `text`; None when it holds no word."""
    text = text.translate(QUOTES)
    phrases, outside, position = [], [], 0
    for match in PHRASE.finditer(text):
        outside.append(text[position : match.start()])
        position = match.end()
        found = [word for parts in compounds(fold(match.group(1))) for word in parts]
        if len(found) > 1:
            phrases.append(tuple(found))
        else:
            outside += found  # a one-word phrase is a word, searched by its stem
    outside.append(text[position:])
    required, excluded, stopped = [], [], []
    for chunk in " ".join(outside).split():
        for parts in compounds(fold(chunk)):
            word = "".join(parts)
            if chunk.startswith("-"):
                excluded += [] if word in STOP_WORDS else [stem(word)]
            else:
                (stopped if word in STOP_WORDS else required).append(stem(word))
    if not required and not phrases:
        required, excluded = (stopped, excluded) if stopped else (excluded, [])
    required, excluded = unique(required)[:MAX_WORDS], unique(excluded)
    budget = MAX_WORDS - len(required)
    excluded = excluded[:budget]
    budget -= len(excluded)
    kept = []
    for phrase in phrases:
        if budget < 2:
            break
        kept.append(phrase[:budget])
        budget -= len(phrase)
    if not required and not kept:
        return None
    return SearchQuery(tuple(required), tuple(excluded), tuple(kept))


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def words(text: str) -> list[str]:
    """The words of `text`, at most MAX_WORDS."""
    return WORD.findall(text)[:MAX_WORDS]


def autocomplete_text(text: str) -> str:
    """What is typed, as the words an autocompletion looks for ("" for none)."""
    return " ".join(words(text))
