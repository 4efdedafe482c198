"""The icon tag draws a decorative icon from the sprite, and every icon the templates name is
in the sprite."""

import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template

from core.templatetags.icons import sprite_icons

SPRITE = Path(settings.BASE_DIR, "static", "img", "icons.svg")
SKIPPED = {".venv", "node_modules", ".git", "test-results", "cache", "media"}


def templates() -> list[Path]:
    return [
        path
        for path in Path(settings.BASE_DIR).rglob("*.html")
        if not SKIPPED & set(path.relative_to(settings.BASE_DIR).parts)
    ]


def test_the_icon_tag_renders_a_hidden_svg_using_the_sprite():
    html = Template('{% load icons %}{% icon "search" %}').render(Context())
    assert html == (
        '<svg aria-hidden="true" focusable="false" class="icon">'
        f'<use href="{settings.STATIC_URL}img/icons.svg#search"></use></svg>'
    )


def test_the_icon_tag_adds_a_class():
    html = Template('{% load icons %}{% icon "download" "icon--large" %}').render(Context())
    assert 'class="icon icon--large"' in html


def test_the_sprite_lists_its_symbols():
    ids = re.findall(r'<symbol id="([^"]+)"', SPRITE.read_text(encoding="utf-8"))
    assert sprite_icons() == tuple(ids)
    assert {"search", "menu", "arrow-right", "external-link"} <= set(ids)


def test_every_icon_used_in_a_template_is_in_the_sprite():
    used = {}
    for path in templates():
        for name in re.findall(r'{%\s*icon\s+"([^"]+)"', path.read_text(encoding="utf-8")):
            used.setdefault(name, path.relative_to(settings.BASE_DIR))
    assert used, "no template uses an icon"
    missing = {name: str(path) for name, path in used.items() if name not in sprite_icons()}
    assert not missing, missing
