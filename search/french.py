"""French stems, indexed beside the text and searched instead of the query's words.

SQLite's full-text index folds accents but does not stem, and PostgreSQL's `french`
configuration stems but does not fold accents. So every indexed object also carries the
stems of its text (Snowball's French stemmer, a plural's final s or x dropped first, accents
folded), and plain query words are searched by their stems: "coopérer" finds "coopération",
"deliberation" finds "délibération", "élus" finds "élu", on every database backend.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.db import models
from wagtail.search import index
from wagtail.search.query import And, Not, Or, PlainText

_stemmer = snowballstemmer.stemmer("french")
WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    word = word.lower()
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    return fold(_stemmer.stemWord(word))


def stems(text: str) -> str:
    return " ".join(stem(word) for word in WORD.findall(text))


def stemmed_query(query):
    """The same query with its plain words replaced by their stems (phrases stay exact)."""
    if isinstance(query, PlainText):
        return PlainText(stems(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, And | Or):
        return type(query)([stemmed_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(stemmed_query(query.subquery))
    return query


class FrenchStemsMixin(models.Model):
    """Gives an indexed model `search_stems` (declare `index.SearchField("search_stems")`):
    the stems of its other searched text. A model, not a plain mixin, because the OpenSearch
    backend names each field after the model that defines it."""

    class Meta:
        abstract = True

    @property
    def search_stems(self) -> str:
        texts = []
        for field in self.get_search_fields():
            if isinstance(field, index.SearchField) and field.field_name != "search_stems":
                value = field.get_value(self)
                texts.append(value if isinstance(value, str) else str(value or ""))
        return stems(" ".join(texts))
