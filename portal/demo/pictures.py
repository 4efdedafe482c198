"""The demo's pictures (video posters, territory images), drawn with Pillow: nothing is downloaded.

Their text is French, so it is drawn with a font that has every French glyph ("é", "œ", "’",
"«"): DejaVu Sans, which Debian installs with `fonts-dejavu-core`, or another common font found
by Pillow in the system's font folders. Without any, the pictures fall back to Pillow's own font
and draw the letters it lacks without their accents ("é" -> "e", "œ" -> "oe"), never as boxes.
Titles are wrapped over as many lines as they need, at a smaller size when long, never cut.
"""

import io
import logging
import unicodedata
from functools import cache

from PIL import Image, ImageDraw, ImageFont

logger = logging.getLogger(__name__)

SIZE = (1200, 630)
MARGIN = 80
# File names Pillow looks for in the system's font folders (Linux, macOS, Windows), in order.
FONT_FILES = (
    "DejaVuSans-Bold.ttf",
    "LiberationSans-Bold.ttf",
    "NotoSans-Bold.ttf",
    "Arial Bold.ttf",
    "arialbd.ttf",
)
# What the demo writes: French, its punctuation and its quotation marks.
FRENCH_GLYPHS = "àâäçéèêëîïôöùûüÿæœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ’«»…–"
TITLE_SIZES = range(64, 15, -4)  # the largest at which the title fits is used
TITLE_HEIGHT = 300  # between the kicker and the site's name, inside any crop of the pages
LINE_HEIGHT = 1.25
LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'", "«": '"', "»": '"', "…": "..."}

Font = ImageFont.FreeTypeFont


def _signature(face: Font, character: str) -> tuple:
    mask = face.getmask(character)
    return mask.size, bytes(mask)


def missing_glyphs(face: Font, text: str) -> set[str]:
    """The characters of `text` that `face` would draw as its "missing glyph" box (.notdef),
    told by comparing each one's drawing with that of a character no font has (U+FFFF)."""
    notdef = _signature(face, "\uffff")
    return {
        character
        for character in set(text)
        if not character.isspace() and _signature(face, character) == notdef
    }


@cache
def french_font_file() -> str | None:
    """The first of FONT_FILES that this system has and that draws every French glyph."""
    for name in FONT_FILES:
        try:
            font = ImageFont.truetype(name, 32)
        except OSError:
            continue
        if not missing_glyphs(font, FRENCH_GLYPHS):
            return name
    logger.warning(
        "No font with the French glyphs (%s): the demo's pictures are drawn without accents; "
        "install DejaVu Sans (Debian: fonts-dejavu-core).",
        ", ".join(FONT_FILES),
    )
    return None


def font(size: int) -> Font:
    name = french_font_file()
    return ImageFont.truetype(name, size) if name else ImageFont.load_default(size=size)


def drawable(text: str, face: Font) -> str:
    """`text` as `face` can draw it: unchanged with a French font; otherwise each letter it lacks
    replaced by its base letter or its spelled-out ligature."""
    missing = missing_glyphs(face, text)
    if not missing:
        return text
    plain = {
        character: LIGATURES.get(character)
        or unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode()
        for character in missing
    }
    return "".join(plain.get(character, character) for character in text)


# French puts a space before these and after "«"; a line never starts or ends on them alone.
CLOSING = {"»", ":", ";", "?", "!"}


def _units(text: str) -> list[str]:
    """The words of `text`, each French punctuation mark kept with the word it belongs to."""
    units: list[str] = []
    for word in text.split():
        if units and (word in CLOSING or units[-1] == "«"):
            units[-1] = f"{units[-1]} {word}"
        else:
            units.append(word)
    return units


def wrap(text: str, face: Font, width: int) -> list[str]:
    """`text` in lines no wider than `width` when drawn with `face`, broken between words (never
    before "»" or after "«"); a word wider than a line stands alone on its own.
    `" ".join(lines)` gives `text` back, its runs of spaces made one."""
    lines: list[str] = []
    for word in _units(text):
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def title_layout(text: str, width: int) -> tuple[Font, list[str]]:
    """The title's font and lines at the largest of TITLE_SIZES at which every line is at most
    `width` wide and all of them at most TITLE_HEIGHT high (the smallest if none)."""
    for size in TITLE_SIZES:
        face = font(size)
        lines = wrap(drawable(text, face), face, width)
        fits_across = all(face.getlength(line) <= width for line in lines)
        if fits_across and len(lines) * round(size * LINE_HEIGHT) <= TITLE_HEIGHT:
            break
    return face, lines


def poster(title: str, colour: str, kicker: str = "") -> bytes:
    """A 1200×630 PNG: `kicker` small above `title` in white on `colour`, the site's name below."""
    canvas = Image.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(canvas)
    width = SIZE[0] - 2 * MARGIN
    title_font, lines = title_layout(title, width)
    line_height = round(title_font.size * LINE_HEIGHT)
    top = (SIZE[1] - line_height * len(lines)) // 2
    if kicker:
        kicker_font = font(30)
        draw.text((MARGIN, top - 60), drawable(kicker, kicker_font), fill="white", font=kicker_font)
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, fill="white", font=title_font)
    draw.line((MARGIN, SIZE[1] - 145, MARGIN + 120, SIZE[1] - 145), fill="white", width=6)
    name_font = font(28)
    draw.text((MARGIN, SIZE[1] - 128), "Bloc local", fill="white", font=name_font)
    # A palette of a few colours: flat areas and the text's antialiasing, a small file.
    buffer = io.BytesIO()
    canvas.quantize(colors=16).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
