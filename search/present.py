"""What the result list shows of each hit, from the search document alone (no query): link,
title, kind, context (territory and steps, space, or the page a document belongs to), date and
an excerpt with the query's words marked. A video found by its captions links to that
moment; a document names its page."""

from django.utils.translation import gettext_lazy as _

from .highlight import excerpt, matches
from .models import Kind

CONTEXT_OF_DOCUMENT = _("Document de « %(page)s »")


def present(hits: list, searched) -> list[dict]:
    """`searched`: the SearchQuery (search/query.py) whose words the excerpts mark."""
    return [present_one(hit, searched) for hit in hits]


def present_one(hit, searched) -> dict:
    context = hit.context
    if hit.kind == Kind.DOCUMENT and context:
        context = CONTEXT_OF_DOCUMENT % {"page": context}
    item = {
        "title": hit.title,
        "url": hit.url,
        "kind": str(Kind(hit.kind).label),
        "context": str(context),
        "date": hit.date,
        "excerpt": excerpt(hit.summary, searched),
    }
    cue = matching_cue(hit, searched) if hit.kind == Kind.VIDEO else None
    if cue:
        start, timecode, text = cue
        item.update(
            url=f"{hit.url}?t={start}#t{start}", moment=timecode, excerpt=excerpt(text, searched)
        )
    return item


def matching_cue(video, searched):
    """The first caption of a video holding a word of the query, if its title and summary do
    not."""
    if matches(f"{video.title} {video.summary}", searched):
        return None
    return next((cue for cue in video.extra.get("cues", []) if matches(cue[2], searched)), None)
