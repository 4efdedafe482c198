"""Form fields shared by every app."""

from django import forms

from .text import strip_bidi_controls


class NameField(forms.CharField):
    """A title or a name typed by a person, without the characters that reorder how it reads
    (portal.text.strip_bidi_controls)."""

    def to_python(self, value):
        value = super().to_python(value)
        if not isinstance(value, str):
            return value
        value = strip_bidi_controls(value)
        return value.strip() if self.strip else value
