"""Tables of the PostgreSQL search backend (factcheck.search.backends.postgres).

They exist on every database so that the schema is one; only the PostgreSQL backend fills
them. Text columns hold the project's own index terms (factcheck.search.analysis.term:
letters folded, affixes stripped, stopwords dropped), space-separated, because PostgreSQL
has no Persian dictionary; the ``vector`` column is built from them with a `simple`-based
configuration. The GIN indexes and that configuration are made by a migration that runs on
PostgreSQL only.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    type = models.CharField(max_length=10)
    obj_id = models.BigIntegerField()
    title = models.TextField(blank=True)
    text = models.TextField(blank=True)
    speaker = models.TextField(blank=True)
    speaker_id = models.BigIntegerField(null=True)
    source_id = models.BigIntegerField(null=True)
    article_id = models.BigIntegerField(null=True)  # statements: the article they belong to
    rating = models.CharField(max_length=20, blank=True)
    claim_type = models.CharField(max_length=20, blank=True)
    date = models.DateTimeField(null=True)
    vector = SearchVectorField(null=True)

    class Meta:
        app_label = "factcheck"
        constraints = [
            models.UniqueConstraint(fields=["type", "obj_id"], name="searchdocument_unique_key")
        ]
        indexes = [models.Index(fields=["article_id"], name="searchdocument_article")]

    def __str__(self) -> str:
        return f"{self.type}:{self.obj_id}"


class SearchTerm(models.Model):
    """Every index term once: near spellings of a query word are looked up here (pg_trgm)."""

    word = models.CharField(max_length=200, unique=True)

    class Meta:
        app_label = "factcheck"

    def __str__(self) -> str:
        return self.word
