"""The design system: the styleguide is for development only, the fonts site.css declares are
served from static/, and every text colour on its background reaches WCAG AA."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings

from portal import styleguide

CSS = Path(settings.BASE_DIR, "static", "css", "site.css")
FONTS_BUDGET = 60 * 1024


def css() -> str:
    return CSS.read_text(encoding="utf-8")


@pytest.mark.django_db
def test_the_styleguide_is_not_served_without_debug(client):
    assert not settings.DEBUG
    assert client.get("/styleguide/").status_code == 404


@pytest.mark.django_db
def test_the_styleguide_view_refuses_without_debug_and_shows_the_tokens_with_it():
    request = RequestFactory().get("/styleguide/")
    request.user = AnonymousUser()
    with pytest.raises(styleguide.Http404):
        styleguide.styleguide(request)
    with override_settings(DEBUG=True):
        response = styleguide.styleguide(request)
        html = response.rendered_content
    assert "--primary" in html and "#0e5a55" in html
    assert 'href="/static/img/icons.svg#search"' in html
    assert 'class="pagination"' in html and 'class="card' in html


def test_the_font_files_of_site_css_are_in_static():
    faces = re.findall(r"@font-face\s*\{(.*?)\}", css(), re.S)
    files = [CSS.parent / url for face in faces for url in re.findall(r'url\("?([^")]+)"?\)', face)]
    assert files
    for path in files:
        assert path.resolve().is_file(), path
    assert sum(path.stat().st_size for path in files) <= FONTS_BUDGET
    assert all("font-display: swap" in face for face in faces)


def test_every_declared_text_colour_reaches_aa_contrast_on_its_background():
    pairs = styleguide.contrast_pairs(css())
    assert len(pairs) >= 10
    for pair in pairs:
        assert pair.ratio >= styleguide.AA_TEXT, pair
        assert pair.ratio == pytest.approx(pair.stated, abs=0.01), pair  # the comment is true


def test_the_contrast_ratio_follows_wcag():
    assert styleguide.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert styleguide.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
