"""What readers search for, so editors see which content is missing."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class SearchLogQuerySet(models.QuerySet):
    def since(self, days: int):
        return self.filter(created_at__gte=timezone.now() - timezone.timedelta(days=days))

    def most_frequent(self):
        return (
            self.values("query")
            .annotate(
                searches=models.Count("id"),
                results=models.Max("results"),
                last=models.Max("created_at"),
            )
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


class HandledQuery(models.Model):
    """A search without results that an editor has dealt with (a page written, a result
    promoted, or nothing to do): left out of the report until it finds nothing again."""

    query = models.CharField(_("recherche"), max_length=200, unique=True)
    handled_at = models.DateTimeField(_("traitée le"), default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("recherche traitée")
        verbose_name_plural = _("recherches traitées")

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


class Kind(models.TextChoices):
    """What a hit is: the "type" filter's values."""

    SHEET = "fiches", _("Fiche expérience")
    VIDEO = "videos", _("Vidéo")
    TOOL = "outils", _("Outil")
    STEP = "etapes", _("Étape du chemin")
    PAGE = "pages", _("Page")
    TOPIC = "discussions", _("Discussion")
    DOCUMENT = "documents", _("Document")


class Reach(models.TextChoices):
    """Who may read a search document: a public page or the topic of a public space; a
    members-only space's; a private space's (its members, `space`); nobody (a restricted
    page, the topic of a closed space: kept out of every search)."""

    PUBLIC = "public", _("tout le monde")
    MEMBERS = "members", _("les membres connectés")
    PRIVATE = "private", _("les membres de l'espace")
    NOBODY = "nobody", _("personne")


class SearchDocument(index.Indexed, models.Model):
    """One readable thing as search finds it: a live page, a topic with the text of its visible
    posts, a document attached to a page or a forum attachment. Every backend searches this one
    model, so a search is one query and its scores compare across kinds; a hit holds what the
    result list shows, so a page of results costs no further query.

    Written by search.sync only (from the publishing signals and the forums' writes), never
    by Django's signals: `search_auto_update` is off so that a document is indexed once, with
    its steps."""

    key = models.CharField(max_length=40, unique=True)  # "page:12", "topic:3", "document:4:12"
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=255)
    title_key = models.CharField(
        max_length=255, db_index=True
    )  # folded: an exact title ranks first
    text = models.TextField(blank=True)  # folded: accents and case never matter
    stems = models.TextField(blank=True)  # the index terms of title and text
    # Every two consecutive words of `text`, once each ("projet_de de_territoire"): what a
    # phrase is matched by on PostgreSQL (search/postgres.py); empty on the other databases.
    pairs = models.TextField(blank=True)
    summary = models.TextField(blank=True)  # what an excerpt is taken from, as written
    context = models.CharField(max_length=500, blank=True)  # territory · steps, space, page
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True)
    reach = models.CharField(max_length=10, choices=Reach.choices)
    space = models.ForeignKey("forums.Space", null=True, on_delete=models.CASCADE, related_name="+")
    territory = models.ForeignKey(
        "core.Territory", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    edition = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    steps = models.ManyToManyField("wagtailcore.Page", related_name="+")
    # What it is or belongs to: deleting a page or a topic deletes its documents.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey("forums.Topic", null=True, on_delete=models.CASCADE, related_name="+")
    extra = models.JSONField(default=dict, blank=True)  # a video's captions: [[start, code, text]]

    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("text"),
        index.SearchField("stems"),
        index.FilterField("id"),
        index.FilterField("kind"),
        index.FilterField("reach"),
        index.FilterField("space_id"),
        index.FilterField("territory_id"),
        index.FilterField("edition_id"),
        index.FilterField("steps"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("document de recherche")
        verbose_name_plural = _("documents de recherche")
        indexes = [
            models.Index(fields=["reach", "kind"]),
            # What SQLite's search reads of every hit (search/sqlite.py), without the row and
            # its long text.
            models.Index(
                fields=["id", "reach", "kind", "territory", "edition", "space", "title_key"],
                name="search_document_hits",
            ),
        ]

    def __str__(self):
        return self.title

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("steps")


class SearchWord(models.Model):
    """A word (folded) of what anyone may find: the vocabulary that spelling offers come
    from. Added to as documents are written, rebuilt whole by `update_index`."""

    word = models.CharField(max_length=60, unique=True)
    written = models.CharField(max_length=60)  # as first written, in lower case

    def __str__(self):
        return self.word
