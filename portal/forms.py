"""Forms of the Wagtail administration that apply the upload policy (portal.uploads)."""

from wagtail.documents.forms import BaseDocumentForm

from . import uploads
from .text import strip_bidi_controls


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content does not match its extension;
    the file name and the title lose their bidirectional controls."""

    def clean_title(self):
        return strip_bidi_controls(self.cleaned_data.get("title") or "").strip()

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "read"):
            return upload
        name = uploads.clean_name(upload.name or "")
        uploads.check_content(upload, uploads.typed_extension(name))
        upload.name = name
        return upload

    def _post_clean(self):
        # Once the file is refused, the model's own extension check would only add a second,
        # blank error about it (it sees no file); the form is invalid either way.
        if self.has_error("file"):
            return
        super()._post_clean()
