"""Blocks shared by every app's free-prose StreamFields."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page's outline valid (the page owns the h1)."""

    text = blocks.CharBlock(label=_("Texte"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section")), ("h3", _("Sous-titre"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "core/blocks/heading_block.html"
        preview_value = {"text": "Pourquoi coopérer ?", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    """A quotation with its author, such as a participant's verbatim."""

    text = blocks.TextBlock(label=_("Citation"))
    author = blocks.CharBlock(label=_("Auteur ou autrice"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "core/blocks/quote_block.html"
        preview_value = {"text": "La coopération n'est pas un objet en soi.", "author": "Un DGS"}


class KeyMessageBlock(blocks.StructBlock):
    """A key message of the seminar, shown as a highlighted card."""

    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    text = blocks.TextBlock(label=_("Message"))

    class Meta:
        icon = "pick"
        label = _("Message clé")
        template = "core/blocks/key_message_block.html"
        preview_value = {
            "title": "Faire avec",
            "text": "L'intercommunalité fait avec les communes.",
        }


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document of the library, with its format and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Intitulé (facultatif)"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "core/blocks/document_link_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks of free prose, shared by free pages and resource pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="core/blocks/paragraph_block.html",
    )
    image = ImageBlock(label=_("Image"), template="core/blocks/image_block.html")
    quote = QuoteBlock()
    key_message = KeyMessageBlock()
    document = DocumentLinkBlock()
