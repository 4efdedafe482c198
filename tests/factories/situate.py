"""Runs of "se situer".

AssessmentFactory(user=member)                       # every step answered at the lowest
AssessmentFactory(user=member, answers=answers(3))   # the path's first three steps crossed
AssessmentFactory(user=member, territory=t, shared_with=space)
"""

import factory
from django.utils import timezone

from situate.models import Assessment, Scope
from situate.selectors import path_steps, questions_of

from .accounts import UserFactory


def answers(crossed: int = 0, *, steps=None) -> list[dict]:
    """Answers to every question of `steps` (the live path): the highest choice on the first
    `crossed` steps, the lowest on the others."""
    given = []
    for rank, step in enumerate(steps if steps is not None else path_steps()):
        for question in questions_of(step):
            value, label, score = question["choices"][-1 if rank < crossed else 0]
            given.append(
                {
                    "step": step.pk,
                    "step_title": step.title,
                    "question": question["id"],
                    "kind": question["kind"],
                    "text": question["text"],
                    "choice": value,
                    "label": str(label),
                    "score": score,
                    "max": question["choices"][-1][2],
                }
            )
    return given


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    user = factory.SubFactory(UserFactory)
    scope = Scope.ALONE
    territory = None
    territory_name = factory.LazyAttribute(lambda run: run.territory.name if run.territory else "")
    answers = factory.LazyFunction(answers)
    shared_at = factory.LazyAttribute(lambda run: timezone.now() if run.shared_with else None)
    shared_with = None
