"""What a reaction and a visit share: a mark that one member leaves on one thing."""

from django.conf import settings
from django.db import models


class MemberMark(models.Model):
    """One member's mark on one thing (the field named by `marked`): at most one per member and
    thing (`one_per_member`), shown as "member → thing"."""

    marked: str

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.user} → {getattr(self, self.marked)}"

    @staticmethod
    def one_per_member(marked: str, name: str) -> models.UniqueConstraint:
        return models.UniqueConstraint(fields=[marked, "user"], name=name)
