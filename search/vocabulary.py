"""The indexed vocabulary: the words of the documents anyone may read (search.models.
SearchWord), where spelling offers come from. A word is added when a public document holding
it is written; a rebuild of the documents (`update_index`) starts the list again, so words of
what is no longer public leave it there."""

from core import cache
from core.cache import CONTENT, DISCUSSIONS
from core.text import WORD, fold

from .models import Reach, SearchWord

MIN_LENGTH, MAX_LENGTH = 3, 60  # shorter words are not corrected; longer ones are not words


def of(built: list) -> dict[str, str]:
    """The words of the public documents among `built` (search.build.Built): folded -> as
    written, in lower case."""
    written = set()
    for item in built:
        if item.fields.get("reach") == Reach.PUBLIC:
            written.update(WORD.findall(item.written.lower()))
    words = {}
    for word in sorted(written):  # each word folded once, however often it is written
        if MIN_LENGTH <= len(word) <= MAX_LENGTH and not word.isdigit():
            words.setdefault(fold(word), word)
    return words


def add(words: dict[str, str]) -> None:
    SearchWord.objects.bulk_create(
        [SearchWord(word=folded, written=word) for folded, word in sorted(words.items())],
        batch_size=1000,
        ignore_conflicts=True,
    )


def clear() -> None:
    SearchWord.objects.all().delete()


def words() -> dict[str, str]:
    """folded word -> as written."""
    return cache.remembered(
        "search-vocabulary",
        lambda: dict(SearchWord.objects.values_list("word", "written")),
        (CONTENT, DISCUSSIONS),
    )
