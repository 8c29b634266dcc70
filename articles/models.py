"""Publishers, the articles they published, and earlier versions of an article's text."""

import hashlib
from datetime import datetime, timedelta

from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


def content_hash(text: str) -> str:
    """SHA-256 of an article's published text: identical content is the same article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Source(models.Model):
    """A publisher: دیدارنیوز, خبرگزاری فارس."""

    name = models.CharField(max_length=200, unique=True)
    homepage = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("source-detail", args=[self.pk])


class ArticleQuerySet(models.QuerySet):
    def with_source(self) -> "ArticleQuerySet":
        return self.select_related("source")

    def latest_first(self) -> "ArticleQuerySet":
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-id")


class Article(models.Model):
    """One news item. Offsets everywhere refer to ``text``, the text as published."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="articles")
    url = models.URLField(max_length=1000, blank=True, db_index=True)
    external_id = models.CharField(max_length=200, blank=True, db_index=True)
    title = models.CharField(max_length=1000, blank=True)
    kicker = models.CharField(max_length=1000, blank=True)
    lead = models.TextField(blank=True)
    news_code = models.CharField(max_length=50, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    text = models.TextField()
    normalized_text = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~models.Q(url=""), name="article_unique_url"
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("article-detail", args=[self.pk])


class ArticleRevision(models.Model):
    """An earlier text of an article: outlets edit published pages silently."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=1000, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64)
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-replaced_at", "-id"]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.replaced_at:%Y-%m-%d %H:%M}"


class FeedQuerySet(models.QuerySet):
    def unclaimed(self, now: datetime) -> "FeedQuerySet":
        """Feeds no live poll holds: a claim older than ``POLL_LEASE`` belongs to a worker
        that died mid-poll."""
        return self.filter(
            models.Q(claimed_at__isnull=True) | models.Q(claimed_at__lt=now - Feed.POLL_LEASE)
        )

    def due(self, now: datetime) -> "FeedQuerySet":
        """Active, unclaimed feeds whose next poll has come."""
        return self.unclaimed(now).filter(
            models.Q(next_poll_at__isnull=True) | models.Q(next_poll_at__lte=now), active=True
        )


class Feed(models.Model):
    """An RSS or Atom feed polled for new articles every ``interval_minutes``."""

    # Longest a poll may hold its feed before the feed counts as free again (a fetch times
    # out after FACTCHECK_FETCH_TIMEOUT seconds, so a live poll finishes well within this).
    POLL_LEASE = timedelta(hours=1)

    url = models.URLField(
        "feed URL",
        max_length=1000,
        unique=True,
        validators=[URLValidator(schemes=["http", "https"])],  # what the fetcher can fetch
    )
    source_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Publisher of every article in the feed; blank: read from each page.",
    )
    interval_minutes = models.PositiveIntegerField(
        default=60, validators=[MinValueValidator(5)], help_text="Minutes between polls."
    )
    active = models.BooleanField(default=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, help_text="Empty: at once.")
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_result = models.CharField(max_length=200, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    # A poll claims its feed (claim token and time) so that no other worker polls it too.
    claim = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()
    # Who added, changed or paused a feed, and when; polls write with update(), unrecorded.
    history = HistoricalRecords(
        excluded_fields=["last_polled_at", "last_result", "last_error", "claim", "claimed_at"]
    )

    class Meta:
        ordering = ["url"]

    def __str__(self) -> str:
        return self.source_name or self.url
