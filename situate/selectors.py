"""Reads of "se situer": the path's questions, a member's territory, what a result recommends,
and a member's runs as their personal data."""

from core.models import live_lists
from experiences.models import ExperienceSheetPage
from resources.blocks import scale_choices
from resources.models import StepPage
from resources.models.path import KINDS

from .models import Assessment

# Of each kind of resource, how many the result recommends for each next step; and how many
# sheets of territories like the member's.
RECOMMENDED = 3
SIMILAR = 4


def path_steps() -> list:
    """The live, public steps of the path, in its order, with their questions."""
    return list(StepPage.objects.live().public().order_by("path"))


def questions_of(step) -> list[dict]:
    """A step's questions: {"id", "kind", "text", "help", "choices": [(value, label, score)]}."""
    return [
        {
            "id": block.id,
            "kind": block.value["kind"],
            "text": block.value["text"],
            "help": block.value.get("help") or "",
            "choices": scale_choices(block.value["scale"]),
        }
        for block in step.questions
        if block.block_type == "question"
    ]


def member_territory(user):
    """The territory of the member's profile, or None."""
    profile = getattr(user, "profile", None)  # an account may have no profile yet
    return profile.territory if profile is not None and profile.territory_id else None


def similar_sheets(territory, steps):
    """Live, public sheets of territories like `territory` (same kind, half to twice its
    population; its own sheets left out) that illustrate one of `steps`."""
    low, high = territory.similar_population_range()
    return (
        ExperienceSheetPage.objects.live()
        .public()
        .filter(
            steps__in=steps,
            territory__kind=territory.kind,
            territory__population__range=(low, high),
        )
        .exclude(territory=territory)
        .select_related("territory")
        .distinct()
        .order_by("title")[:SIMILAR]
    )


def recommendations(placement, territory) -> dict:
    """For each next step of `placement`, the latest live, public sheets, videos and tools
    tagged with it (the step's own lists), and sheets of territories like `territory` that went
    through those steps: all in one query (`live_lists`), lazily."""
    lists = {}
    for number, place in enumerate(placement.next):
        for key in KINDS:
            lists[f"{key}_{number}"] = place.step.tagged(key)[:RECOMMENDED]
    steps = [place.step for place in placement.next]
    lists["similar"] = similar_sheets(territory, steps) if territory and steps else []
    return live_lists(**lists)


def personal_data(user) -> list[dict]:
    """The member's runs, as the personal data export gives them."""
    return [assessment_data(each) for each in Assessment.objects.of(user)]


def assessment_data(assessment) -> dict:
    """A run as JSON-ready data (its download, the personal data export)."""
    return {
        "le": assessment.created_at.isoformat(),
        "repondu": assessment.get_scope_display(),
        "territoire": assessment.territory_name or None,
        "partage_avec": assessment.shared_with.name if assessment.shared_with else None,
        "reponses": [
            {
                "etape": answer["step_title"],
                "question": answer["text"],
                "reponse": answer["label"],
                "score": answer["score"],
                "sur": answer["max"],
            }
            for answer in assessment.answers
        ],
    }
