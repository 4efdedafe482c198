"""Where a run places its territory on the path: each step's status from its answers, the step
where it stands, what is done and what comes next. Pure reads of a run's answers."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

# A step is crossed from two thirds of its highest score: "oui" to two questions of three and
# "en partie" to the third, say; below that it is under way as soon as anything is.
CROSSED = 2 / 3
# How many of the next steps the result recommends resources for.
NEXT_COUNT = 2


class Status(models.TextChoices):
    CROSSED = "franchie", _("Franchie")
    UNDER_WAY = "en-cours", _("En cours")
    AHEAD = "a-venir", _("À engager")
    UNANSWERED = "sans-reponse", _("Sans réponse")


@dataclass
class StepPlace:
    step: object  # a StepPage
    rank: int
    status: str
    score: int = 0
    out_of: int = 0
    answers: list = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.out_of) if self.out_of else 0

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def is_crossed(self) -> bool:
        return self.status == Status.CROSSED


@dataclass
class Placement:
    places: list[StepPlace]
    current: StepPlace | None  # the first step not crossed; None: every step is
    crossed: list[StepPlace]
    next: list[StepPlace]  # the NEXT_COUNT first steps not crossed, in the path's order

    @property
    def crossed_count(self) -> int:
        return len(self.crossed)


def status_of(score: int, out_of: int) -> str:
    if not out_of:
        return Status.UNANSWERED
    if score >= CROSSED * out_of:
        return Status.CROSSED
    return Status.UNDER_WAY if score else Status.AHEAD


def place(answers: list[dict], steps: list) -> Placement:
    """`answers` (a run's) over `steps` (the live steps, in the path's order). A step answered in
    the run but gone since is left out; a step added since is "sans réponse"."""
    by_step: dict[int, list[dict]] = {}
    for answer in answers:
        by_step.setdefault(answer["step"], []).append(answer)
    places = []
    for rank, step in enumerate(steps, start=1):
        given = by_step.get(step.pk, [])
        score = sum(answer["score"] for answer in given)
        out_of = sum(answer["max"] for answer in given)
        places.append(StepPlace(step, rank, status_of(score, out_of), score, out_of, given))
    ahead = [each for each in places if not each.is_crossed]
    return Placement(
        places=places,
        current=ahead[0] if ahead else None,
        crossed=[each for each in places if each.is_crossed],
        next=ahead[:NEXT_COUNT],
    )
