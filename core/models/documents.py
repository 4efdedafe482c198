"""Documents of the library attached to pages, and their text read at upload."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class AttachedDocument(Orderable):
    """A document of the library attached to a page; subclasses give the page's ParentalKey."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True


class DocumentText(models.Model):
    """The text of an uploaded document, read at upload (search/documents.py), so that the
    pages it is attached to are found by it."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="search_text"
    )
    text = models.TextField(blank=True)
    extracted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("texte de document")
        verbose_name_plural = _("textes de documents")

    def __str__(self):
        return str(self.document)
