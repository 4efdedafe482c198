"""The plain-text excerpt of rendered HTML (core.text.excerpt), which e-mails show."""

from hypothesis import given
from hypothesis import strategies as st

from core.text import EXCERPT_CHARACTERS, excerpt
from forums import markup


def test_markup_is_stripped_and_entities_read():
    html = "<p>Une <strong>charte</strong> &amp; un pacte</p><ul><li>un</li><li>deux</li></ul>"
    assert excerpt(html) == "Une charte & un pacte un deux"


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis():
    cut = excerpt("<p>" + "délibération " * 40 + "</p>")
    assert cut.endswith("délibération…")
    assert len(cut) <= EXCERPT_CHARACTERS


def test_bidirectional_controls_are_left_out():
    assert excerpt("<p>facture\u202efdp.exe</p>") == "facturefdp.exe"


@given(st.text(max_size=1500))
def test_any_message_gives_one_short_line(message):
    cut = excerpt(markup.render(message))
    assert len(cut) <= EXCERPT_CHARACTERS
    assert "\n" not in cut
    assert cut == cut.strip()
