"""Blocks of an experience sheet: the phases of the work and the lessons learned."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PhaseBlock(blocks.StructBlock):
    """One phase of a territory's work, in the order it happened."""

    title = blocks.CharBlock(label=_("Intitulé"), max_length=200)
    period = blocks.CharBlock(label=_("Période"), required=False, max_length=100)
    text = blocks.TextBlock(label=_("Description"))

    class Meta:
        icon = "time"
        label = _("Phase")
        template = "experiences/blocks/phase_block.html"
        preview_value = {"title": "Conférence de sensibilisation", "text": "Les élus découvrent…"}


class LessonsBlock(blocks.StreamBlock):
    """Lessons, each of one kind, so that a sheet's template can group them."""

    success = blocks.TextBlock(label=_("Facteur de réussite"), icon="success")
    obstacle = blocks.TextBlock(label=_("Obstacle à lever"), icon="warning")
    echo = blocks.TextBlock(label=_("Écho des participants"), icon="openquote")
    question = blocks.TextBlock(label=_("Question ouverte"), icon="help")

    class Meta:
        icon = "list-ul"
