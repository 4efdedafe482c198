"""Members write Markdown; readers get HTML made safe by an allow-list sanitiser.

The Markdown library turns text into HTML (raw HTML typed by a member included), then nh3
(the Ammonia sanitiser) keeps only the tags, attributes and URL schemes listed here, so no
script, event handler, `javascript:` link, style or SVG survives.
"""

import html
import re
from collections.abc import Mapping
from html.parser import HTMLParser

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4",
    "hr", "del",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
# A member's handle: lower-case ASCII letters, digits and inner hyphens, 3 to 30 characters
# (`accounts` validates it with this pattern). A mention is `@` and a handle, not within a word
# nor an address (`marie@commune.fr` mentions no one).
HANDLE_MIN_LENGTH, HANDLE_MAX_LENGTH = 3, 30
HANDLE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
MENTION = re.compile(r"(?<![\w@/.+-])@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?![\w@])", re.IGNORECASE)


def _clean(html_text: str) -> str:
    return nh3.clean(
        html_text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
    )


def render(text: str, mentions: Mapping[str, str] | None = None) -> str:
    """The post's HTML, made safe; `mentions` (handle -> profile address) links those
    `@handle` of the text, outside links and code."""
    html_text = markdown.markdown(text, extensions=["sane_lists", "fenced_code", "nl2br"])
    # Headings a member types are demoted so the page keeps a single h1 and its outline.
    html_text = re.sub(r"<(/?)h[1-6]>", r"<\1h4>", html_text)
    html_text = _clean(html_text)
    if mentions:
        # Linked in the sanitised HTML, whose text only is rewritten; cleaned once more.
        html_text = _clean(_MentionLinker(mentions).link(html_text))
    return html_text


class _MentionLinker(HTMLParser):
    """Rewrites the text of sanitised HTML, tags kept as they are, so that each known
    `@handle` becomes a link to its profile; never inside a link, code or a code block."""

    SKIPPED = {"a", "code", "pre"}

    def __init__(self, mentions: Mapping[str, str]):
        super().__init__(convert_charrefs=True)
        self.mentions = mentions
        self.out: list[str] = []
        self.skipping = 0

    def link(self, html_text: str) -> str:
        self.feed(html_text)
        self.close()
        return "".join(self.out)

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in self.SKIPPED
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skipping:
            self.out.append(html.escape(data, quote=False))
            return
        position = 0
        for match in MENTION.finditer(data):
            url = self.mentions.get(match.group(1).lower())
            if url is None:
                continue
            self.out.append(html.escape(data[position : match.start()], quote=False))
            self.out.append(
                f'<a href="{html.escape(url)}">@{html.escape(match.group(1).lower())}</a>'
            )
            position = match.end()
        self.out.append(html.escape(data[position:], quote=False))


def quote(text: str, author_name: str) -> str:
    """Markdown that quotes a post, to start a reply with."""
    lines = "\n".join(f"> {line}" for line in text.strip().splitlines())
    return f"> **{author_name}** :\n{lines}\n\n"


def mentioned_handles(text: str) -> set[str]:
    """The handles that `text` mentions, in lower case (handles are unique whatever the case)."""
    return {
        handle.lower()
        for handle in MENTION.findall(text)
        if HANDLE_MIN_LENGTH <= len(handle) <= HANDLE_MAX_LENGTH
    }


def has_link(text: str) -> bool:
    return bool(re.search(r"https?://|www\.|\]\(", text))
