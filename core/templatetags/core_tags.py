from django import template

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
