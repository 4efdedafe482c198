"""Text helpers shared by every app."""

import re

# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
# direction marks (U+200E, U+200F, U+061C): typed into a title, a name or a file name they make
# it read otherwise than it is ("facture‮fdp.exe" shows as "facture exe.pdf").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def strip_bidi_controls(text: str) -> str:
    """`text` without the characters that reorder how it is displayed."""
    return BIDI_CONTROLS.sub("", text)
