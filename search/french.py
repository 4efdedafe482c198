"""French as people type it, the same for what is indexed and what is searched.

Every indexed object carries the terms of its text (`terms`): folded (lower case, accents and
ligatures removed, so "cœur" is "coeur" and "collectivite" is "collectivité"), the French
elisions removed ("l'élu" is "élu"), Snowball's French stop words left out, each remaining word
stemmed after folding (so "coopérer" finds "coopération" with or without its accents), and a
hyphenated compound indexed as its parts and as the joined word ("co-construction" and
"coconstruction" find each other). A query's words go through the same steps (search/query.py),
so no backend's own analysis decides what matches: SQLite's FTS5 folds accents but not "œ" and
does not stem, PostgreSQL's `french` configuration stems but does not fold, OpenSearch's
analyser does both its own way. Each backend then only compares the same terms.

The analysis itself is in `core.text`, because the content models of `core` index its terms;
search code reads it from here.
"""

from core.text import STOP_WORDS, compound_terms, compounds, fold, stem, terms

__all__ = ["STOP_WORDS", "compound_terms", "compounds", "fold", "stem", "terms"]
