"""The one upload policy: the kinds of file the portal accepts, how each is recognised by its
content, the type it is served with, and the headers that keep it from ever running as a page.

Forum attachments, profile photos, Wagtail documents and Wagtail images all ask this module
(settings read their lists of extensions from it). A file's kind is decided once, from its
checked content, and stored; it is never guessed again from a name.
"""

import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from .text import strip_bidi_controls

MAX_NAME_LENGTH = 200  # the displayed name of an upload, cut before it is checked
SAMPLE_SIZE = 4096
HEAD_SIZE = 16
ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class Kind:
    """An accepted kind of file. Only raster images (`image_format`, Pillow's name) are ever
    shown inline; every other kind is downloaded."""

    extension: str  # of the stored name
    content_type: str
    signatures: tuple[bytes, ...] = ()  # what the file must start with, when that is known
    image_format: str = ""
    text: bool = False

    @property
    def inline(self) -> bool:
        return bool(self.image_format)

    @property
    def served_type(self) -> str:
        return f"{self.content_type}; charset=utf-8" if self.text else self.content_type


OFFICE = "application/vnd.openxmlformats-officedocument"
ODF = "application/vnd.oasis.opendocument"
KINDS = {
    kind.extension: kind
    for kind in [
        Kind("jpg", "image/jpeg", image_format="JPEG"),
        Kind("png", "image/png", image_format="PNG"),
        Kind("webp", "image/webp", image_format="WEBP"),
        Kind("pdf", "application/pdf", (b"%PDF-",)),
        Kind("docx", f"{OFFICE}.wordprocessingml.document", (ZIP,)),
        Kind("xlsx", f"{OFFICE}.spreadsheetml.sheet", (ZIP,)),
        Kind("pptx", f"{OFFICE}.presentationml.presentation", (ZIP,)),
        Kind("odt", f"{ODF}.text", (ZIP,)),
        Kind("ods", f"{ODF}.spreadsheet", (ZIP,)),
        Kind("odp", f"{ODF}.presentation", (ZIP,)),
        Kind("txt", "text/plain", text=True),
        Kind("csv", "text/csv", text=True),
        Kind("vtt", "text/vtt", text=True),
        Kind("mp4", "video/mp4"),
        Kind("webm", "video/webm", (b"\x1a\x45\xdf\xa3",)),
    ]
}
ALIASES = {"jpeg": "jpg"}  # other extensions typed for a kind
IMAGE_EXTENSIONS = ("jpg", "png", "webp")  # no SVG (a document that runs scripts), no GIF
VIDEO_EXTENSIONS = ("mp4", "webm")  # what browsers play themselves
OFFICE_EXTENSIONS = ("pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx")


def with_aliases(extensions) -> tuple[str, ...]:
    """`extensions` as they may be typed: each followed by its aliases (jpg, jpeg)."""
    aliases = {kind: [alias for alias, of in ALIASES.items() if of == kind] for kind in KINDS}
    return tuple(typed for extension in extensions for typed in (extension, *aliases[extension]))


# What each entry point accepts, as typed extensions (aliases included).
PHOTO_EXTENSIONS = with_aliases(IMAGE_EXTENSIONS)  # profile photos
WAGTAIL_IMAGE_EXTENSIONS = list(PHOTO_EXTENSIONS)
ATTACHMENT_EXTENSIONS = (*PHOTO_EXTENSIONS, *OFFICE_EXTENSIONS, "txt", "csv")
DOCUMENT_EXTENSIONS = [*OFFICE_EXTENSIONS, "txt", "csv", *VIDEO_EXTENSIONS, "vtt"]
IMAGE_KINDS = {KINDS[extension].image_format: KINDS[extension] for extension in IMAGE_EXTENSIONS}

# Served with every uploaded file: never sniffed into another type, and never a page that
# runs, loads or submits anything even when opened on its own.
SANDBOX_CSP = "default-src 'none'; sandbox"


def protect(response):
    """`response`, which serves an uploaded file, with the headers of the policy."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_CSP
    return response


def accept(extensions) -> str:
    """The `accept` attribute of a file input taking `extensions`: their types, once each."""
    types = (KINDS[ALIASES.get(extension, extension)].content_type for extension in extensions)
    return ",".join(dict.fromkeys(types))


def kind_of_type(content_type: str) -> Kind | None:
    """The accepted kind stored as `content_type`; None for an unknown or empty one."""
    return next((kind for kind in KINDS.values() if kind.content_type == content_type), None)


def clean_name(typed: str) -> str:
    """A typed file name as it may be displayed: its last part only, without control or
    bidirectional characters, cut to MAX_NAME_LENGTH characters with its extension kept."""
    name = typed.replace("\\", "/").rsplit("/", 1)[-1]
    name = strip_bidi_controls(name)
    name = "".join(char for char in name if unicodedata.category(char) not in {"Cc", "Cf"})
    name = name.strip().lstrip(".")
    if len(name) > MAX_NAME_LENGTH:
        suffix = PurePosixPath(name).suffix[:16]
        name = name[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return name


def typed_extension(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    return ALIASES.get(suffix, suffix)


def content_matches_extension(head: bytes, extension: str, sample: bytes) -> bool:
    """Whether a file's first bytes (`head`) and a longer `sample` fit its (non-image)
    extension."""
    kind = KINDS.get(ALIASES.get(extension, extension))
    if kind is None or kind.image_format:
        return False
    if kind.text:
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as error:
            # A sample may cut a multi-byte character in two at its very end.
            return error.start >= len(sample) - 3 and b"\x00" not in sample
        return b"\x00" not in sample
    if kind.extension == "mp4":
        return head[4:8] == b"ftyp"
    return head.startswith(kind.signatures)


def check_image(upload, extensions=IMAGE_EXTENSIONS) -> Kind:
    """The kind of an uploaded image, decided by Pillow from its content; refuses anything
    else, and images of more than WAGTAILIMAGES_MAX_IMAGE_PIXELS pixels (decompression
    bombs). The file is left at its start."""
    not_an_image = ValidationError(_("Ce fichier n'est pas une image lisible."), "not_an_image")
    allowed = {KINDS.get(ALIASES.get(extension, extension)) for extension in extensions}
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            kind = IMAGE_KINDS.get(image.format)
            if kind not in allowed:
                raise not_an_image
            frames = getattr(image, "n_frames", 1)
            if image.width * image.height * frames > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise ValidationError(_("Cette image a trop de pixels."), "too_many_pixels")
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError) as error:
        raise ValidationError(
            _("Ce fichier n'est pas une image lisible."), "not_an_image"
        ) from error
    finally:
        upload.seek(0)
    return kind


def check_content(upload, extension: str) -> Kind:
    """The kind of a non-image upload whose first bytes fit its typed `extension`."""
    upload.seek(0)
    sample = upload.read(SAMPLE_SIZE)
    upload.seek(0)
    if not content_matches_extension(sample[:HEAD_SIZE], extension, sample):
        raise ValidationError(
            _("Le contenu de ce fichier ne correspond pas à un fichier .%(extension)s."),
            code="content_mismatch",
            params={"extension": extension},
        )
    return KINDS[ALIASES.get(extension, extension)]


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed the policy: its kind and the name to display."""

    kind: Kind
    name: str
    size: int


def check_upload(upload, *, extensions, max_bytes: int) -> CheckedFile:
    """Checks an upload by its typed extension (one of `extensions`), its size and its
    content; the kind comes from the content. Raises a ValidationError in French."""
    name = clean_name(upload.name or "")
    extension = typed_extension(name)
    if extension not in {ALIASES.get(allowed, allowed) for allowed in extensions}:
        raise ValidationError(
            _("Ce type de fichier n'est pas accepté. Formats acceptés : %(formats)s."),
            code="extension",
            params={"formats": ", ".join(sorted(extensions))},
        )
    if upload.size > max_bytes:
        raise ValidationError(
            _("Le fichier dépasse la taille maximale de %(size)s."),
            code="too_large",
            params={"size": filesizeformat(max_bytes)},
        )
    if KINDS[extension].image_format:
        kind = check_image(upload, extensions)
    else:
        kind = check_content(upload, extension)
    if extension != kind.extension:  # a PNG typed as .jpg is named as what it is
        name = f"{name.rsplit('.', 1)[0]}.{kind.extension}"
    return CheckedFile(kind=kind, name=name, size=upload.size)
