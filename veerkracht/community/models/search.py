"""The index of one search over the site: one row per (kind, object) that can be found.

The rows are written by ``services/search.py`` on every save and delete of a registered model (see
``core/search.py``). The words are found by the database's own full-text search: on PostgreSQL the
``search_vector`` column ('dutch' configuration, GIN index); on SQLite the FTS5 table
``community_search_fts`` (rowid = this row's id), made by a migration, with stemmed words.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from veerkracht.regions.models import Region

FTS_TABLE = "community_search_fts"


class SearchDocument(models.Model):
    kind = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=300)
    summary = models.CharField(max_length=500, blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True, blank=True)
    municipality_code = models.CharField(max_length=10, blank=True)
    subregion = models.CharField(max_length=60, blank=True)  # subregion slug
    dimensions = models.PositiveIntegerField(default=0)
    themes = models.PositiveBigIntegerField(default=0)
    image_url = models.CharField(max_length=500, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    # PostgreSQL only (stays empty on SQLite, which keeps its words in the FTS5 table).
    search_vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL only: the filter tokens (fulltext.tags: place, themes, dimensions) as a 'simple'
    # tsvector, in the same per-kind GIN index as the words (fulltext.FULLTEXT_KIND_SQL).
    search_tags = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekresultaat")
        verbose_name_plural = _("zoekindex")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_once")]
        indexes = [
            models.Index(fields=["region", "kind"], name="search_document_region_kind"),
            # PostgreSQL: the newest matches of one kind, read backwards until enough are found.
            models.Index(fields=["kind", "id"], name="search_document_kind_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"
