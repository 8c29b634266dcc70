"""The fact-check domain: speakers, the statements articles attribute to them, and claims."""

from django.db import models
from django.urls import reverse

from articles.models import Article


class SpeakerKind(models.TextChoices):
    PERSON = "person", "شخص"
    ORGANISATION = "organisation", "سازمان"


class SpeakerQuerySet(models.QuerySet):
    def with_counts(self) -> "SpeakerQuerySet":
        return self.annotate(
            statement_count=models.Count("statements", distinct=True),
            claim_count=models.Count("claims", distinct=True),
        )


class Speaker(models.Model):
    """A person or organisation quoted in the news, under one canonical name."""

    name = models.CharField(max_length=300)
    # Folded form of ``name`` (ZWNJ, spacing, yeh/kaf): two spellings of one name share it.
    name_key = models.CharField(max_length=300, unique=True)
    # Folded last word of the name: finds the one speaker a lone surname may refer to.
    surname_key = models.CharField(max_length=100, db_index=True, blank=True)
    kind = models.CharField(max_length=20, choices=SpeakerKind.choices, default=SpeakerKind.PERSON)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("speaker-detail", args=[self.pk])


class SpeakerAlias(models.Model):
    """Another way articles write a speaker's name (``زارعپور``, ``عیسی زارعپور``)."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    name_key = models.CharField(max_length=300, db_index=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["speaker", "name_key"], name="alias_unique_per_speaker")
        ]

    def __str__(self) -> str:
        return self.name


class SpeakerRole(models.Model):
    """A role a speaker held, with the span of article dates it was seen in."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=500)
    title_key = models.CharField(max_length=500)
    first_seen = models.DateTimeField(null=True, blank=True)
    last_seen = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = [models.F("first_seen").asc(nulls_last=True), "id"]
        constraints = [
            models.UniqueConstraint(fields=["speaker", "title_key"], name="role_unique_per_speaker")
        ]

    def __str__(self) -> str:
        return self.title


class StatementKind(models.TextChoices):
    DIRECT = "direct", "نقل مستقیم"
    INDIRECT = "indirect", "نقل غیرمستقیم"


class StatementLocation(models.TextChoices):
    TITLE = "title", "تیتر"
    LEAD = "lead", "لید"
    BODY = "body", "متن"


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "در انتظار بررسی"
    ACCEPTED = "accepted", "تأیید شده"
    REJECTED = "rejected", "رد شده"


class StatementQuerySet(models.QuerySet):
    def visible(self) -> "StatementQuerySet":
        """Statements shown to readers: everything not rejected by an editor."""
        return self.exclude(review_status=ReviewStatus.REJECTED)

    def with_related(self) -> "StatementQuerySet":
        return self.select_related("speaker", "article", "article__source")


class Statement(models.Model):
    """One attributed passage in one article; ``article.text[start:end] == quote``."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, null=True, blank=True, related_name="statements"
    )
    speaker_mention = models.CharField(max_length=500, blank=True)
    role = models.CharField(max_length=500, blank=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    kind = models.CharField(max_length=10, choices=StatementKind.choices)
    cue = models.CharField(max_length=100, blank=True)
    location = models.CharField(
        max_length=10, choices=StatementLocation.choices, default=StatementLocation.BODY
    )
    confidence = models.FloatField(default=0.0)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="statement_span_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker or '?'}: {self.quote[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#statement-{self.pk}"


class ClaimType(models.TextChoices):
    STATISTIC = "statistic", "آمار و عدد"
    FACTUAL = "factual", "ادعای واقعی"
    PROMISE = "promise", "وعده یا برنامه"
    OPINION = "opinion", "نظر"
    DENIAL = "denial", "تکذیب"
    OTHER = "other", "سایر"


class ClaimQuerySet(models.QuerySet):
    def with_related(self) -> "ClaimQuerySet":
        return self.select_related("speaker").prefetch_related(
            models.Prefetch(
                "appearances",
                queryset=ClaimAppearance.objects.select_related(
                    "statement__article__source"
                ).order_by("statement__article__published_at", "id"),
            )
        )

    def visible(self) -> "ClaimQuerySet":
        """Claims with at least one statement that an editor has not rejected."""
        return self.filter(
            appearances__statement__review_status__in=[
                ReviewStatus.PENDING,
                ReviewStatus.ACCEPTED,
            ]
        ).distinct()

    def latest_first(self) -> "ClaimQuerySet":
        return self.order_by("-first_seen_at", "-id")


class Claim(models.Model):
    """One checkable assertion by one speaker; the same sentence seen again is one claim."""

    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    text = models.TextField()
    # SHA-256 of the folded text: the key that makes a repeated claim one claim.
    fingerprint = models.CharField(max_length=64, db_index=True)
    claim_type = models.CharField(max_length=20, choices=ClaimType.choices, default=ClaimType.OTHER)
    check_worthiness = models.FloatField(default=0.0, db_index=True)
    worthiness_reasons = models.JSONField(default=list, blank=True)
    first_seen_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-first_seen_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["speaker", "fingerprint"], name="claim_unique_per_speaker"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("claim-detail", args=[self.pk])


class ClaimAppearance(models.Model):
    """Where a claim appears: a sentence of a statement, with offsets into the article text."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="appearances")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="appearances")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "statement", "start"], name="appearance_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id} in statement {self.statement_id}"
