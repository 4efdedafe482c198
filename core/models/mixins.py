"""Mixins of model text: what typed names lose, and the stems that search indexes."""

from django.db import models
from wagtail.search import index

from ..text import fold, strip_bidi_controls, terms


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


class FrenchStemsMixin(models.Model):
    """Gives an indexed model `search_stems` (declare `index.SearchField("search_stems")`):
    the French terms of its other searched text (`core.text.terms`), where the query's stems
    are found, then the same text folded (`core.text.fold`), where its phrases are found
    accent-insensitively. A model, not a plain mixin, because the OpenSearch backend names
    each field after the model that defines it."""

    class Meta:
        abstract = True

    @property
    def search_stems(self) -> str:
        texts = []
        for field in self.get_search_fields():
            if isinstance(field, index.SearchField) and field.field_name != "search_stems":
                value = field.get_value(self)
                texts.append(value if isinstance(value, str) else str(value or ""))
        text = " ".join(texts)
        return f"{terms(text)}\n{fold(text)}"
