"""Icons from the site's SVG sprite (static/img/icons.svg, built by scripts/design-assets.sh
from Lucide): `{% icon "search" %}`, or `{% icon "download" "icon--large" %}` with a class
more. They are decorative: what they mean is always said by the text beside them."""

import re
from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

SPRITE = "img/icons.svg"


@register.simple_tag
def icon(name: str, extra_class: str = "") -> str:
    classes = f"icon {extra_class}".strip()
    return format_html(
        '<svg aria-hidden="true" focusable="false" class="{}"><use href="{}#{}"></use></svg>',
        classes,
        static(SPRITE),
        name,
    )


@cache
def sprite_icons() -> tuple[str, ...]:
    """The names of the icons the sprite holds, in its order (the styleguide lists them)."""
    path = finders.find(SPRITE)
    with open(path, encoding="utf-8") as sprite:
        return tuple(re.findall(r'<symbol id="([^"]+)"', sprite.read()))
