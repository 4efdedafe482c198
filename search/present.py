"""What the result list shows of each hit, from the search document alone (no query): link,
title, kind, context (territory and steps, space, or the page a document belongs to), date and
an excerpt with the query's words marked. A video found by its captions links to that
moment; a document names its page."""

from django.utils.translation import gettext_lazy as _

from core.text import WORD, fold

from .highlight import STEM_LENGTH, excerpt, query_stems
from .models import Kind

CONTEXT_OF_DOCUMENT = _("Document de « %(page)s »")


def present(hits: list, query: str) -> list[dict]:
    return [present_one(hit, query) for hit in hits]


def present_one(hit, query: str) -> dict:
    context = hit.context
    if hit.kind == Kind.DOCUMENT and context:
        context = CONTEXT_OF_DOCUMENT % {"page": context}
    item = {
        "title": hit.title,
        "url": hit.url,
        "kind": str(Kind(hit.kind).label),
        "context": str(context),
        "date": hit.date,
        "excerpt": excerpt(hit.summary, query),
    }
    cue = matching_cue(hit, query) if hit.kind == Kind.VIDEO else None
    if cue:
        start, timecode, text = cue
        item.update(
            url=f"{hit.url}?t={start}#t{start}", moment=timecode, excerpt=excerpt(text, query)
        )
    return item


def matching_cue(video, query: str):
    """The first caption of a video holding a word of the query, if its title and summary do
    not."""
    stems = query_stems(query)

    def holds(text: str) -> bool:
        return any(fold(word)[:STEM_LENGTH] in stems for word in WORD.findall(text))

    if not stems or holds(f"{video.title} {video.summary}"):
        return None
    return next((cue for cue in video.extra.get("cues", []) if holds(cue[2])), None)
