"""Uploaded documents are checked by their content, not only by their extension."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP = b"PK\x03\x04"
# What the first bytes of each accepted kind of file must be.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "pptx": (ZIP,),
    "odt": (ZIP,),
    "ods": (ZIP,),
    "odp": (ZIP,),
    "webm": (b"\x1a\x45\xdf\xa3",),
}
TEXT_EXTENSIONS = {"txt", "csv", "vtt"}
HEAD_SIZE = 16


def content_matches_extension(head: bytes, extension: str, sample: bytes) -> bool:
    """Whether a file's first bytes (`head`) and a longer `sample` fit its extension."""
    if extension in TEXT_EXTENSIONS:
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as error:
            # A sample may cut a multi-byte character in two at its very end.
            return error.start >= len(sample) - 3
        return b"\x00" not in sample
    if extension == "mp4":
        return head[4:8] == b"ftyp"
    return head.startswith(SIGNATURES.get(extension, (b"",)))


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content does not match its extension."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "read"):
            return upload
        extension = Path(upload.name).suffix.lower().lstrip(".")
        upload.seek(0)
        sample = upload.read(4096)
        upload.seek(0)
        if not content_matches_extension(sample[:HEAD_SIZE], extension, sample):
            raise forms.ValidationError(
                _("Le contenu de ce fichier ne correspond pas à un fichier .%(extension)s."),
                params={"extension": extension},
                code="content_mismatch",
            )
        return upload

    def _post_clean(self):
        # Once the file is refused, the model's own extension check would only add a second,
        # blank error about it (it sees no file); the form is invalid either way.
        if self.has_error("file"):
            return
        super()._post_clean()
