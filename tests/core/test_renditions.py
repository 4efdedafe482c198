"""The pictures' renditions are made when an image is saved, never on a visitor's first view."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from core.models import CARD_RENDITION
from core.renditions import SPECS
from portal.demo.loader import ensure_image

SKIPPED = {".venv", "node_modules", ".git", "test-results", "cache", "media"}


def used_specs() -> set[str]:
    specs = set()
    for path in Path(settings.BASE_DIR).rglob("*.html"):
        if not SKIPPED & set(path.relative_to(settings.BASE_DIR).parts):
            specs |= set(re.findall(r"{%\s*image\s+\S+\s+([\w-]+)", path.read_text("utf-8")))
    return specs


def test_every_rendition_a_template_shows_is_made_in_advance():
    assert CARD_RENDITION in SPECS
    assert used_specs() == set(SPECS)


@pytest.mark.django_db
def test_saving_an_image_makes_its_renditions():
    image = ensure_image("Une image neuve", "Une image neuve", "#0e5a55")
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(SPECS)
    image.title = "Autre titre"
    image.save()  # saved again: nothing made twice
    assert image.renditions.count() == len(SPECS)
