"""What readers search for, so editors see which content is missing."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchLogQuerySet(models.QuerySet):
    def since(self, days: int):
        return self.filter(created_at__gte=timezone.now() - timezone.timedelta(days=days))

    def most_frequent(self):
        return (
            self.values("query")
            .annotate(searches=models.Count("id"), results=models.Max("results"))
            .order_by("-searches", "query")
        )

    def without_results(self):
        return self.filter(results=0)


class SearchLog(models.Model):
    """One search: the normalised query and how many results it found."""

    query = models.CharField(_("recherche"), max_length=200, db_index=True)
    results = models.PositiveIntegerField(_("résultats"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = SearchLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("recherche effectuée")
        verbose_name_plural = _("recherches effectuées")

    def __str__(self):
        return self.query


class PendingIndexUpdate(models.Model):
    """An OpenSearch index update that failed (node down or slow): kept until a retry succeeds,
    so none is lost. The object is indexed as it is at retry time, or removed if it is gone."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mise à jour d'index en attente")
        verbose_name_plural = _("mises à jour d'index en attente")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_pending_index_update"
            )
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id}"
