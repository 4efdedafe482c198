"""French stems, indexed beside the text and searched instead of the query's words.

SQLite's full-text index folds accents but does not stem, and PostgreSQL's `french`
configuration stems but does not fold accents. So every indexed object also carries the
stems of its text (`core.models.FrenchStemsMixin`, with `core.text.stems`: Snowball's French
stemmer, a plural's final s or x dropped first, accents folded), and plain query words are
searched by their stems: "coopérer" finds "coopération", "deliberation" finds "délibération",
"élus" finds "élu", on every database backend.
"""

from wagtail.search.query import And, Not, Or, PlainText

from core.text import stems


def stemmed_query(query):
    """The same query with its plain words replaced by their stems (phrases stay exact)."""
    if isinstance(query, PlainText):
        return PlainText(stems(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, And | Or):
        return type(query)([stemmed_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(stemmed_query(query.subquery))
    return query
