from django import template
from django.utils.translation import gettext_lazy as _

from core import cache

register = template.Library()

NARROW_NO_BREAK_SPACE = "\u202f"


@register.filter
def thousands(value: int | None) -> str:
    """A whole number grouped by thousands the French way: 68 000 (years stay as they are)."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", NARROW_NO_BREAK_SPACE)


@register.simple_tag
def scope_version(*parts) -> str:
    """The version now of the scope named by `parts` joined with ":" (`{% scope_version "topic"
    topic.pk as topic_version %}`), for a fragment cached until that scope changes."""
    return cache.version(":".join(str(part) for part in parts))


@register.simple_tag
def page_ancestors(page) -> list:
    """The ancestors of `page` from the home page (the breadcrumb): as the routing found them
    (portal.routing), else from the tree (a preview)."""
    return cache.memo(f"ancestors-{page.pk}", lambda: list(page.get_ancestors()[1:]))


# What a page without a description of its own says of itself.
SITE_DESCRIPTION = _(
    "Expériences de territoires, vidéos d'experts, outils et échanges pour les directions des "
    "communes et intercommunalités qui coopèrent, proposés par le CNFPT."
)
DESCRIPTION_LENGTH = 160


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """The page's description for search engines and shared links: the view's
    (`meta_description`: a space's description, a topic's first words), else the page's own
    search description, its summary or its introduction, else the site's sentence; on one line,
    cut at a word within 160 characters."""
    page = context.get("page")
    candidates = [context.get("meta_description")]
    candidates += [getattr(page, name, "") for name in ("search_description", "summary", "intro")]
    text = next((" ".join(str(c).split()) for c in candidates if c and str(c).strip()), "")
    text = text or str(SITE_DESCRIPTION)
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
