"""Members write Markdown; readers get HTML made safe by an allow-list sanitiser.

The Markdown library turns text into HTML (raw HTML typed by a member included), then nh3
(the Ammonia sanitiser) keeps only the tags, attributes and URL schemes listed here, so no
script, event handler, `javascript:` link, style or SVG survives.
"""

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4",
    "hr", "del",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
MENTION = re.compile(r"(?<![\w@])@([\w.+-]{2,150})")


def render(text: str) -> str:
    html = markdown.markdown(text, extensions=["sane_lists", "fenced_code", "nl2br"])
    # Headings a member types are demoted so the page keeps a single h1 and its outline.
    html = re.sub(r"<(/?)h[1-6]>", r"<\1h4>", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
    )


def quote(text: str, author_name: str) -> str:
    """Markdown that quotes a post, to start a reply with."""
    lines = "\n".join(f"> {line}" for line in text.strip().splitlines())
    return f"> **{author_name}** :\n{lines}\n\n"


def mentioned_usernames(text: str) -> set[str]:
    return {name.rstrip(".") for name in MENTION.findall(text)}


def has_link(text: str) -> bool:
    return bool(re.search(r"https?://|www\.|\]\(", text))
