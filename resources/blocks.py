"""The questions editors ask on each step of the path, for members to situate their territory
("se situer"). The answers' scales are fixed here, so every answer has a known score."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# What a question looks at on its step.
KINDS = [
    ("demande", _("Ce que l'étape demande au collectif")),
    ("signe", _("Un signe que l'étape est atteinte")),
    ("vigilance", _("Un point de vigilance")),
]

# The answer choices a question may offer: (value, label, score), lowest first. A question's
# score is its choice's over the scale's highest.
SCALES = {
    "oui-en-partie": (
        _("Oui / en partie / pas encore"),
        [
            ("pas-encore", _("Pas encore"), 0),
            ("en-partie", _("En partie"), 1),
            ("oui", _("Oui"), 2),
        ],
    ),
    "echelle": (
        _("Échelle en quatre degrés"),
        [
            ("pas-du-tout", _("Pas du tout"), 0),
            ("un-peu", _("Un peu"), 1),
            ("plutot", _("Plutôt"), 2),
            ("tout-a-fait", _("Tout à fait"), 3),
        ],
    ),
}
DEFAULT_SCALE = "oui-en-partie"


def scale_choices(scale: str) -> list[tuple[str, str, int]]:
    """The choices of `scale` (the default one for a scale no longer known)."""
    return SCALES.get(scale, SCALES[DEFAULT_SCALE])[1]


class QuestionBlock(blocks.StructBlock):
    """A question of a step's self-assessment: what it looks at, its text and its choices.
    Write it so that the highest choice is the good news (a point of vigilance asks whether
    it is taken care of)."""

    kind = blocks.ChoiceBlock(
        label=_("Ce que la question regarde"), choices=KINDS, default="demande"
    )
    text = blocks.CharBlock(label=_("Question"), max_length=300)
    help = blocks.CharBlock(label=_("Précision (facultative)"), required=False, max_length=300)
    scale = blocks.ChoiceBlock(
        label=_("Réponses proposées"),
        choices=[(key, label) for key, (label, _choices) in SCALES.items()],
        default=DEFAULT_SCALE,
    )

    class Meta:
        icon = "help"
        label = _("Question")
        help_text = _(
            "Formulez la question pour que la réponse la plus haute soit la bonne nouvelle."
        )
        preview_value = {
            "kind": "signe",
            "text": "Le collectif des DGS se réunit-il régulièrement ?",
            "scale": DEFAULT_SCALE,
        }


class QuestionsBlock(blocks.StreamBlock):
    question = QuestionBlock()
