"""Form fields shared by every app, and the forms of the Wagtail administration that apply
the upload policy (core.uploads)."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

from . import uploads
from .text import parse_number, strip_bidi_controls


class NameField(forms.CharField):
    """A title or a name typed by a person, without the characters that reorder how it reads
    (core.text.strip_bidi_controls)."""

    def to_python(self, value):
        value = super().to_python(value)
        if not isinstance(value, str):
            return value
        value = strip_bidi_controls(value)
        return value.strip() if self.strip else value


def _is_key(value) -> bool:
    return parse_number(str(value)) is not None


class ModelChoiceField(forms.ModelChoiceField):
    """Django's, refusing a key that is no number before the database is asked: a number past
    64 bits raises OverflowError in SQLite's driver rather than finding nothing."""

    def to_python(self, value):
        if value not in self.empty_values and self.to_field_name is None and not _is_key(value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, with the same care as ModelChoiceField above."""

    def _check_values(self, value):
        if isinstance(value, list | tuple) and self.to_field_name is None:
            for key in value:
                if not _is_key(key):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": key},
                    )
        return super()._check_values(value)


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
