"""Writes of "se situer": a run submitted, shared with a collectif's space or no longer,
deleted. Who may do each is asked of forums.permissions by the views first."""

from django.db import transaction
from django.utils import timezone

from .models import Assessment, Scope


@transaction.atomic
def assessment_submit(*, user, scope: str, territory, answers: list[dict]) -> Assessment:
    """Keeps a run of `user`'s answers, with the territory of their profile (named as it is
    now). Answering for the collectif needs a territory (the form says so first)."""
    if scope == Scope.COLLECTIF and territory is None:
        raise ValueError("A collectif's run needs a territory.")
    return Assessment.objects.create(
        user=user,
        scope=scope,
        territory=territory,
        territory_name=territory.name if territory else "",
        answers=answers,
    )


@transaction.atomic
def assessment_share(*, assessment: Assessment, space) -> Assessment:
    """Shares the run with `space` (None: shares it no longer)."""
    assessment.shared_with = space
    assessment.shared_at = timezone.now() if space else None
    assessment.save(update_fields=["shared_with", "shared_at"])
    return assessment


@transaction.atomic
def assessment_delete(*, assessment: Assessment) -> None:
    assessment.delete()
