from django import template

register = template.Library()

NARROW_NO_BREAK_SPACE = "\u202f"


@register.filter
def thousands(value: int | None) -> str:
    """A whole number grouped by thousands the French way: 68 000 (years stay as they are)."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", NARROW_NO_BREAK_SPACE)
