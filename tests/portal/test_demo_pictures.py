"""The demo's pictures draw French whole: every glyph, and titles wrapped rather than cut."""

import io

import pytest
from PIL import Image, ImageFont

from portal.demo import pictures
from resources.models import VideoPage

FRENCH = "Vidéo « Nœuds et articulations » : l’été"
LONG = "Du projet de territoire (intercommunal) au projet du bloc local, et ce qu’il en reste"


@pytest.fixture
def no_french_font(monkeypatch):
    monkeypatch.setattr(pictures, "FONT_FILES", ())
    pictures.french_font_file.cache_clear()
    yield
    pictures.french_font_file.cache_clear()


def test_the_font_draws_every_french_glyph():
    assert pictures.french_font_file(), "no font with the French glyphs on this machine"
    face = pictures.font(64)
    assert pictures.missing_glyphs(face, FRENCH + pictures.FRENCH_GLYPHS) == set()
    assert pictures.drawable(FRENCH, face) == FRENCH


def test_a_missing_glyph_is_told_from_a_drawn_one():
    pillow_own = ImageFont.load_default(size=64)  # Aileron: no "é", no "œ"
    assert {"é", "œ"} <= pictures.missing_glyphs(pillow_own, FRENCH)
    assert "a" not in pictures.missing_glyphs(pillow_own, FRENCH)


def test_a_long_title_is_wrapped_whole_within_the_picture():
    width = pictures.SIZE[0] - 2 * pictures.MARGIN
    face, lines = pictures.title_layout(LONG, width)
    assert len(lines) > 1
    assert " ".join(lines) == LONG
    assert all(face.getlength(line) <= width for line in lines)


def test_a_line_never_starts_with_a_closing_mark_nor_ends_with_an_opening_one():
    face = pictures.font(64)
    lines = pictures.wrap("La prise d'initiative : « s'autoriser à »", face, 700)
    assert " ".join(lines) == "La prise d'initiative : « s'autoriser à »"
    assert not [line for line in lines if line.startswith(("»", ":")) or line.endswith("«")]


def test_the_poster_is_a_small_png_of_the_expected_size():
    data = pictures.poster(LONG, "#1d4e89", kicker="Vidéo d'expert")
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", pictures.SIZE)
    assert len(data) < 60_000


def test_without_a_french_font_the_letters_lose_their_accents_not_their_place(no_french_font):
    face = pictures.font(64)
    assert pictures.drawable("Nœuds de l’été", face) == "Noeuds de l’ete"
    assert pictures.poster(FRENCH, "#1d4e89")


@pytest.mark.django_db
def test_the_demo_posters_show_whole_titles():
    for video in VideoPage.objects.select_related("image"):
        assert video.image.description == video.title
        assert video.image.file.name.endswith(".png")
