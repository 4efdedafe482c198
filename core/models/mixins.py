"""Mixins of model text: what typed names lose."""

from django.db import models

from ..text import strip_bidi_controls


class BidiControlsMixin(models.Model):
    """Text fields typed by people (`bidi_controls_fields`) lose, in `clean()` and so before
    their uniqueness is checked, the characters that reorder how they read
    (`core.text.strip_bidi_controls`). An abstract model, so that migrations do not name it."""

    bidi_controls_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def clean(self):
        self.strip_bidi_controls()
        super().clean()

    def strip_bidi_controls(self) -> None:
        for name in self.bidi_controls_fields:
            setattr(self, name, strip_bidi_controls(getattr(self, name) or ""))
