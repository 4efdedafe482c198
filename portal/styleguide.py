"""The design system's page, in development only (`/styleguide/`, routed when DEBUG): the tokens
read from static/css/site.css, the icons of the sprite, and the components drawn by the real
templates, so that the page cannot drift from the site."""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse

from core.templatetags.icons import sprite_icons
from experiences.models import ExperienceSheetPage
from resources.models import ToolPage, VideoPage

STYLESHEET = "css/site.css"
AA_TEXT = 4.5  # WCAG 2.1, 1.4.3: text of normal size


@dataclass(frozen=True)
class Pair:
    """A text colour on a background colour, as site.css declares it with its ratio."""

    text: str
    background: str
    text_value: str
    background_value: str
    stated: float

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.text_value, self.background_value)


def stylesheet() -> str:
    return Path(finders.find(STYLESHEET)).read_text(encoding="utf-8")


def root_block(css: str) -> str:
    return re.search(r":root\s*\{(.*?)\n\}", css, re.S).group(1)


def tokens(css: str, prefix: str = "") -> dict[str, str]:
    """The custom properties of :root (their comments aside) whose name starts with `prefix`."""
    declarations = re.sub(r"/\*.*?\*/", "", root_block(css), flags=re.S)
    return {
        name: value.strip()
        for name, value in re.findall(r"--([\w-]+):\s*([^;]+);", declarations)
        if name.startswith(prefix)
    }


def colours(css: str) -> dict[str, str]:
    return {
        name: value
        for name, value in tokens(css).items()
        if re.fullmatch(r"#[0-9a-fA-F]{6}", value)
    }


def contrast_pairs(css: str) -> list[Pair]:
    """The pairs the stylesheet's :root states (`contrast: --ink on --paper 16.01`)."""
    values = colours(css)
    return [
        Pair(text, background, values[text], values[background], float(stated))
        for text, background, stated in re.findall(
            r"contrast: --([\w-]+) on --([\w-]+) ([\d.]+)", root_block(css)
        )
    ]


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def sample_pages() -> list:
    """One live page of each resource type, for the cards."""
    found = []
    for model in (ExperienceSheetPage, VideoPage, ToolPage):
        if page := model.objects.live().public().first():
            found.append(page)
    return found


def styleguide(request):
    if not settings.DEBUG:
        raise Http404
    css = stylesheet()
    pairs = contrast_pairs(css)
    context = {
        "colours": colours(css),
        "pairs": pairs,
        "aa_text": AA_TEXT,
        "type_scale": tokens(css, "step-"),
        "spacing": [
            (name, value, round(float(value.removesuffix("rem")) * 16))
            for name, value in tokens(css, "space-").items()
        ],
        "icons": sprite_icons(),
        "sample_messages": [
            Message(level, text)
            for level, text in (
                (messages.INFO, "Votre profil est visible dans l'annuaire."),
                (messages.SUCCESS, "Votre réponse est publiée."),
                (messages.WARNING, "Ce sujet est verrouillé : plus de nouvelles réponses."),
                (messages.ERROR, "Le fichier dépasse 5 Mo."),
            )
        ],
        "items": Paginator(range(60), 10).page(2),
        "cards": sample_pages(),
    }
    return TemplateResponse(request, "portal/styleguide.html", context)
