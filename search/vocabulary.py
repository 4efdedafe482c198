"""The indexed vocabulary: the words of the documents anyone may read (search.models.
SearchWord), where spelling offers come from. A word is added when a public document holding
it is written; a rebuild of the documents (`update_index`) starts the list again, so words of
what is no longer public leave it there."""

from core import cache
from core.cache import CONTENT, DISCUSSIONS
from core.text import WORD

from .models import Reach, SearchWord

MIN_LENGTH, MAX_LENGTH = 3, 60  # shorter words are not corrected; longer ones are not words


def of(built: list) -> set[str]:
    """The words of the public documents among `built` (search.build.Built)."""
    words = set()
    for item in built:
        if item.fields.get("reach") == Reach.PUBLIC:
            text = f"{item.fields['title_key']} {item.fields['text']}"
            words.update(w for w in WORD.findall(text) if MIN_LENGTH <= len(w) <= MAX_LENGTH)
    return words


def add(words: set[str]) -> None:
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(words)], batch_size=1000, ignore_conflicts=True
    )


def clear() -> None:
    SearchWord.objects.all().delete()


def words() -> set[str]:
    return cache.remembered(
        "search-vocabulary",
        lambda: set(SearchWord.objects.values_list("word", flat=True)),
        (CONTENT, DISCUSSIONS),
    )
