"""The text of uploaded documents, so that search finds the pages they are attached to.

PDF through pypdf; office files (Word, Excel, PowerPoint, OpenDocument) by reading their XML
parts with a regular expression rather than an XML parser, so that no entity or external
reference in an upload is ever expanded; plain text as it is. Sizes are capped everywhere: a
document is searched by its first MAX_CHARS characters.
"""

import html
import logging
import re
import zipfile

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000
MAX_PDF_PAGES = 300
MAX_PART_BYTES = 20 * 1024 * 1024  # an XML part larger than this (uncompressed) is skipped

# The parts of each office format that hold its text.
OFFICE_PARTS = {
    "docx": re.compile(r"word/document\.xml"),
    "pptx": re.compile(r"ppt/slides/slide\d+\.xml"),
    "xlsx": re.compile(r"xl/sharedStrings\.xml"),
    "odt": re.compile(r"content\.xml"),
    "ods": re.compile(r"content\.xml"),
    "odp": re.compile(r"content\.xml"),
}
PARAGRAPH_END = re.compile(r"</(?:w:p|a:p|text:p|text:h|si)>")
# Tabs, line breaks, ODF spaces and cell ends separate words; other tags (a Word "run", for
# instance, may end in the middle of a word) separate nothing.
SPACE = re.compile(
    r"</?(?:w:tab|w:br|a:br|text:s|text:tab|text:line-break|table:table-cell)\b[^>]*>"
)
TAG = re.compile(r"<[^>]*>")


def extract_text(file, extension: str) -> str:
    """The text of an open binary `file` of the given extension ("" if it has none we read)."""
    try:
        if extension == "pdf":
            text = pdf_text(file)
        elif extension in OFFICE_PARTS:
            text = office_text(file, OFFICE_PARTS[extension])
        elif extension in {"txt", "csv"}:
            text = file.read(MAX_CHARS * 4).decode("utf-8", "replace")
        else:
            return ""
    except (PyPdfError, zipfile.BadZipFile, OSError, ValueError, KeyError, RecursionError):
        logger.warning("No text could be read from a .%s document", extension, exc_info=True)
        return ""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:MAX_CHARS]


def pdf_text(file) -> str:
    parts, size = [], 0
    for page in PdfReader(file).pages[:MAX_PDF_PAGES]:
        parts.append(page.extract_text() or "")
        size += len(parts[-1])
        if size > MAX_CHARS:
            break
    return "\n".join(parts)


def office_text(file, parts: re.Pattern) -> str:
    def in_order(info: zipfile.ZipInfo):  # slide2 before slide10
        return [
            int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", info.filename)
        ]

    texts = []
    with zipfile.ZipFile(file) as archive:
        for info in sorted(archive.infolist(), key=in_order):
            if not parts.fullmatch(info.filename) or info.file_size > MAX_PART_BYTES:
                continue
            xml = archive.read(info).decode("utf-8", "replace")
            xml = SPACE.sub(" ", PARAGRAPH_END.sub("\n", xml))
            texts.append(html.unescape(TAG.sub("", xml)))
    return "\n".join(texts)
