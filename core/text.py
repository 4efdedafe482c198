"""Text helpers shared by every app: what typed text loses, numbers typed by hand, and French as
search reads it (folded, elisions and stop words removed, stemmed: see search/french.py)."""

import re
import unicodedata
from functools import lru_cache
from html import unescape as html_unescape
from itertools import chain

import snowballstemmer
from django.utils.html import strip_tags

# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
# direction marks (U+200E, U+200F, U+061C): typed into a title, a name or a file name they make
# it read otherwise than it is ("facture‮fdp.exe" shows as "facture exe.pdf").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def strip_bidi_controls(text: str) -> str:
    """`text` without the characters that reorder how it is displayed."""
    return BIDI_CONTROLS.sub("", text)


EXCERPT_CHARACTERS = 200
# Where one block of rendered HTML ends and the next begins: a space between their words.
BLOCK_ENDS = re.compile(r"<(?:br|/p|/li|/h[1-6]|/blockquote|/pre|/tr|/td|/th)\b[^>]*>", re.I)


def excerpt(html: str, length: int = EXCERPT_CHARACTERS) -> str:
    """The first `length` characters or so of rendered HTML as plain text, for an e-mail or a
    list: the markup stripped, entities read, spaces (and bidirectional controls) folded, cut
    at a word with an ellipsis."""
    text = html_unescape(strip_tags(BLOCK_ENDS.sub(" ", html)))
    text = " ".join(strip_bidi_controls(text).split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cut.rstrip(" ,;:.") + "…"


# What XML 1.0 cannot hold, whatever its escaping: the C0 controls but tab and the line breaks,
# and the surrogates and non-characters U+FFFE and U+FFFF (Django's feeds refuse them).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` without what an XML document (a feed) cannot hold."""
    return XML_FORBIDDEN.sub("", text or "")


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


# Letters and digits of any script; "_" separates words, as it does in SQLite's FTS5 index.
WORD = re.compile(r"[^\W_]+")
# A word and the words joined to it by hyphens or apostrophes: "co-construction",
# "Saint-Jean-de-Monts", "l'élu", "aujourd'hui".
TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# French elisions, folded: "l'élu", "qu'elle", "jusqu'à" ("aujourd'hui" keeps its d').
ELIDED = frozenset(
    ["l", "d", "qu", "j", "n", "s", "t", "m", "c", "jusqu", "lorsqu", "puisqu", "quoiqu"]
)

# What folding writes as more than one letter, or as another one: the ligatures, the letters
# without a decomposition, the Unicode hyphens as "-" and every apostrophe as the typewriter's.
FOLDED_LETTERS = {"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                  "ı": "i", "\u2010": "-", "\u2011": "-",
                  "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'", "‛": "'"}  # fmt: skip
LETTERS = re.compile("[" + re.escape("".join(FOLDED_LETTERS)) + "]")


NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _letters(text: str) -> str:
    return LETTERS.sub(lambda match: FOLDED_LETTERS[match.group()], text)


def _without_marks(text: str) -> str:
    return "".join(char for char in text if not unicodedata.combining(char))


@lru_cache(maxsize=20_000)
def _fold_run(run: str) -> str:
    """A run of non-ASCII characters, folded. Decomposing can give capitals ("ℌ") and
    casefolding decomposable letters: twice."""
    once = _without_marks(unicodedata.normalize("NFKD", _letters(run)))
    return _without_marks(unicodedata.normalize("NFKD", _letters(once.casefold())))


def fold(text: str) -> str:
    """Lower case without accents: "Cœur" and "coeur", "Collectivité" and "collectivite" read
    the same. Compatibility forms are decomposed too ("ﬁ" is "fi", "²" is "2"). Only the runs
    of non-ASCII characters are decomposed, each once: a document is folded in milliseconds."""
    folded = _letters(text.casefold())
    if folded.isascii():
        return folded
    return NON_ASCII.sub(lambda match: _fold_run(match.group()), folded)


# Snowball's French stop words, with the forms of "être" and "avoir" folded, and the question
# words people start a query with. Not more: "projet", "territoire", "agent" matter in a title.
FRENCH_STOP_WORDS = """
    au aux avec ce ces dans de des du elle en et eux il ils je la le les leur leurs lui ma mais
    me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta
    te tes toi ton tu un une vos votre vous c d j l à m n s t y ça cet cette ceux celle celui
    été étée étées étés étant suis es est sommes êtes sont serai seras sera serons serez seront
    serais serait serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes
    furent sois soit soyons soyez soient fusse fusses fût fussions fussiez fussent ayant eu eue
    eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions
    auriez auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie aies ait ayons
    ayez aient eusse eusses eût eussions eussiez eussent
    comment pourquoi quand quel quelle quels quelles quoi si car donc ni
"""
STOP_WORDS = frozenset(fold(word) for word in FRENCH_STOP_WORDS.split())

_stemmer = snowballstemmer.stemmer("french")
# Snowball's French suffixes that carry an accent, as folding writes them: put back before
# stemming so that a folded word loses the same suffix ("collectivite" -> "collect", like
# "collectivité"). Longest first.
ACCENTED_SUFFIXES = [("ierement", "ièrement"), ("ieres", "ières"), ("iere", "ière"),
                     ("ites", "ités"), ("ite", "ité"), ("ees", "ées"), ("ee", "ée")]  # fmt: skip


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Snowball's French stem of `word` folded, the same whether it was typed with its accents
    or not; a plural's final s or x is dropped first ("élus" is "élu")."""
    word = fold(word)
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    for folded, accented in ACCENTED_SUFFIXES:
        if word.endswith(folded):
            word = word[: -len(folded)] + accented
            break
    return fold(_stemmer.stemWord(word))


def pieces(token: str) -> list[list[str]]:
    """The words of a folded token, its elision removed, each as its hyphenated parts."""
    split = token.split("'")
    if len(split) > 1 and split[0] in ELIDED:
        split = split[1:]
    return [piece.split("-") for piece in split]


def compounds(folded: str) -> list[list[str]]:
    """The words of a folded text, elisions removed, each as its hyphenated parts."""
    return [parts for token in TOKEN.finditer(folded) for parts in pieces(token.group())]


def compound_terms(parts: list[str]) -> list[str]:
    """The index terms of one word: its stem; for a compound, the stems of its parts that are
    not stop words and the stem of the joined word ("co-construction" is also
    "coconstruction")."""
    found = [stem(part) for part in parts if part not in STOP_WORDS]
    if len(parts) > 1:
        found.append(stem("".join(parts)))
    return found


def terms(text: str) -> str:
    """The index terms of a text, in its order, space separated: folded, elisions and stop
    words removed, stemmed."""
    return " ".join(chain.from_iterable(map(token_terms, TOKEN.findall(fold(text)))))


@lru_cache(maxsize=100_000)
def token_terms(token: str) -> tuple[str, ...]:
    return tuple(term for parts in pieces(token) for term in compound_terms(parts))
