"""The fact-check domain: speakers, the statements articles attribute to them, and claims."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.models import Article


class EditorProfile(models.Model):
    """How an editor is named in public: a byline they choose, a pseudonym if they wish."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editor_profile"
    )
    byline = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.byline or self.user.get_username()


def byline_of(user) -> str:
    """The public name of an editor: their chosen byline, else their username."""
    profile = getattr(user, "editor_profile", None)
    return (profile.byline if profile else "") or user.get_username()


class SpeakerKind(models.TextChoices):
    PERSON = "person", "شخص"
    ORGANISATION = "organisation", "سازمان"


class SpeakerQuerySet(models.QuerySet):
    def most_checked(self) -> "SpeakerQuerySet":
        """Speakers with claims, most claims with a published verdict first.

        ``checked_count``: claims with a verdict; ``claim_count``: all their claims.
        """
        return (
            self.annotate(
                checked_count=models.Count(
                    "claims", filter=models.Q(claims__current_verdict__isnull=False)
                ),
                claim_count=models.Count("claims"),
            )
            .filter(claim_count__gt=0)
            .order_by("-checked_count", "-claim_count", "name")
        )

    def with_counts(self) -> "SpeakerQuerySet":
        return self.annotate(
            statement_count=models.Count("statements", distinct=True),
            claim_count=models.Count("claims", distinct=True),
        )

    def with_rating_counts(self) -> "SpeakerQuerySet":
        """``rated_<rating>``: how many of the speaker's claims currently carry each rating."""
        return self.annotate(
            **{
                f"rated_{value.replace('-', '_')}": models.Count(
                    "claims", filter=models.Q(claims__current_verdict__rating=value), distinct=True
                )
                for value in (
                    "true",
                    "mostly-true",
                    "half-true",
                    "misleading",
                    "mostly-false",
                    "false",
                    "unproven",
                )
            }
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
    # Optimistic concurrency: an edit names the version it started from.
    version = models.PositiveIntegerField(default=1)

    objects = SpeakerQuerySet.as_manager()
    history = HistoricalRecords()

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
    confidence = models.FloatField(
        default=0.0,
        help_text=(
            "The extractor's estimate, from 0 to 1, that both span and speaker are right: a "
            "logistic model trained on the annotated sets weighs what the rules found."
        ),
    )
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, db_index=True
    )
    reject_reason = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_statements",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = StatementQuerySet.as_manager()
    history = HistoricalRecords()

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


class PromiseStatus(models.TextChoices):
    NOT_RATED = "not-rated", "ارزیابی نشده"
    IN_PROGRESS = "in-progress", "در جریان"
    STALLED = "stalled", "متوقف"
    COMPROMISE = "compromise", "نیمه‌کاره"
    KEPT = "kept", "عمل شده"
    BROKEN = "broken", "عمل نشده"


class Rating(models.TextChoices):
    TRUE = "true", "درست"
    MOSTLY_TRUE = "mostly-true", "عمدتاً درست"
    HALF_TRUE = "half-true", "نیمه‌درست"
    MISLEADING = "misleading", "گمراه‌کننده"
    MOSTLY_FALSE = "mostly-false", "عمدتاً نادرست"
    FALSE = "false", "نادرست"
    UNPROVEN = "unproven", "اثبات‌نشده"


# The claims-list filter value for claims that have no published verdict yet.
UNRATED = "unrated"

# Numeric value of each rating for schema.org ClaimReview (best 6, worst 1); unproven has none.
RATING_VALUES = {
    Rating.TRUE: 6,
    Rating.MOSTLY_TRUE: 5,
    Rating.HALF_TRUE: 4,
    Rating.MISLEADING: 3,
    Rating.MOSTLY_FALSE: 2,
    Rating.FALSE: 1,
}


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
        # EXISTS rather than a join and DISTINCT: no duplicate rows, and counts and
        # aggregates over the result stay correct.
        return self.filter(
            models.Exists(
                ClaimAppearance.objects.filter(
                    claim=models.OuterRef("pk"),
                    statement__review_status__in=[ReviewStatus.PENDING, ReviewStatus.ACCEPTED],
                )
            )
        )

    def latest_first(self) -> "ClaimQuerySet":
        return self.order_by("-first_seen_at", "-id")

    def for_listing(self) -> "ClaimQuerySet":
        """What a row of a claims list shows: speaker, appearances and current verdict."""
        return self.with_related().select_related("current_verdict")

    def checked(self) -> "ClaimQuerySet":
        """Claims with a published verdict."""
        return self.filter(current_verdict__isnull=False)

    def latest_checked_first(self) -> "ClaimQuerySet":
        return self.order_by(models.F("current_verdict__published_at").desc(nulls_last=True), "-id")

    def rated(self, rating: str) -> "ClaimQuerySet":
        """Claims whose current verdict has ``rating``; ``"unrated"`` for claims without one."""
        if rating == UNRATED:
            return self.filter(current_verdict__isnull=True)
        return self.filter(current_verdict__rating=rating)

    def from_source(self, source_id: int) -> "ClaimQuerySet":
        """Claims that appear in at least one article of the source."""
        return self.filter(
            models.Exists(
                ClaimAppearance.objects.filter(
                    claim=models.OuterRef("pk"), statement__article__source_id=source_id
                )
            )
        )

    def first_seen_between(self, start=None, end=None) -> "ClaimQuerySet":
        """Claims first seen in this span of datetimes (either end may be open)."""
        if start:
            self = self.filter(first_seen_at__gte=start)
        if end:
            self = self.filter(first_seen_at__lte=end)
        return self


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
    # An editor's decision; None until someone decides.
    check_worthy = models.BooleanField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_claims",
    )
    promise_status = models.CharField(
        max_length=20, choices=PromiseStatus.choices, default=PromiseStatus.NOT_RATED
    )
    # The latest published verdict, kept current by factcheck.editorial on every write path.
    current_verdict = models.ForeignKey(
        "Verdict", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    first_seen_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords()

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


class ClaimAppearanceQuerySet(models.QuerySet):
    def rows_by_claim(self, claim_ids: list[int]) -> dict[int, list[dict]]:
        """The appearances of these claims as plain rows (one query, no model instances)."""
        rows: dict[int, list[dict]] = {}
        values = (
            self.filter(claim_id__in=claim_ids)
            .order_by("id")
            .values_list(
                "claim_id",
                "statement_id",
                "statement__article_id",
                "statement__article__title",
                "statement__article__source__name",
                "statement__article__published_at",
                "start",
                "end",
                "statement__quote",
            )
        )
        for claim, statement, article, title, source, published_at, start, end, quote in values:
            rows.setdefault(claim, []).append(
                {
                    "statement": statement,
                    "article": article,
                    "article_title": title,
                    "source": source,
                    "published_at": published_at,
                    "start": start,
                    "end": end,
                    "quote": quote,
                }
            )
        return rows


class ClaimAppearance(models.Model):
    """Where a claim appears: a sentence of a statement, with offsets into the article text."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="appearances")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="appearances")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    objects = ClaimAppearanceQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "statement", "start"], name="appearance_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id} in statement {self.statement_id}"


class VerdictStatus(models.TextChoices):
    DRAFT = "draft", "پیش‌نویس"
    PUBLISHED = "published", "منتشرشده"


class VerdictQuerySet(models.QuerySet):
    def published(self) -> "VerdictQuerySet":
        return self.filter(status=VerdictStatus.PUBLISHED)

    def newest_first(self) -> "VerdictQuerySet":
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-id")

    def corrections(self) -> "VerdictQuerySet":
        """Published verdicts that replaced an earlier published one, newest first."""
        return (
            self.published()
            .filter(is_correction=True)
            .select_related("claim__speaker")
            .newest_first()
        )

    def replaced_by(self, verdicts: list["Verdict"]) -> dict[int, "Verdict"]:
        """For each of ``verdicts``, the published verdict of its claim just before it.

        One query for all of them: {verdict id: the verdict it replaced}.
        """
        earlier = self.published().filter(claim_id__in={v.claim_id for v in verdicts})
        by_claim: dict[int, list[Verdict]] = {}
        for verdict in earlier.order_by("published_at", "id"):
            by_claim.setdefault(verdict.claim_id, []).append(verdict)
        replaced: dict[int, Verdict] = {}
        for verdict in verdicts:
            before = [
                v
                for v in by_claim.get(verdict.claim_id, [])
                if v.pk != verdict.pk
                and (v.published_at, v.pk) < (verdict.published_at, verdict.pk)
            ]
            if before:
                replaced[verdict.pk] = before[-1]
        return replaced


class Verdict(models.Model):
    """An editor's rating of a claim. Never overwritten: a new verdict supersedes the last."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    rating = models.CharField(max_length=20, choices=Rating.choices)
    summary = models.CharField(max_length=500)
    reasoning = models.TextField(blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts"
    )
    # The byline shown to readers, fixed when the verdict is published.
    byline = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=10, choices=VerdictStatus.choices, default=VerdictStatus.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    is_correction = models.BooleanField(default=False)
    correction_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = VerdictQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_rating_display()}: {self.claim}"

    def get_absolute_url(self) -> str:
        return f"{reverse('claim-detail', args=[self.claim_id])}#verdict-{self.pk}"

    @property
    def is_published(self) -> bool:
        return self.status == VerdictStatus.PUBLISHED

    @property
    def rating_value(self) -> int | None:
        return RATING_VALUES.get(self.rating)


class Stance(models.TextChoices):
    SUPPORTS = "supports", "تأیید می‌کند"
    REFUTES = "refutes", "رد می‌کند"
    CONTEXT = "context", "زمینه"


class Evidence(models.Model):
    """A document bearing on a claim, with its stance; may be an article in the knowledge base."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    excerpt = models.TextField(blank=True)
    stance = models.CharField(max_length=10, choices=Stance.choices)
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="cited_as_evidence"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evidence_added"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["stance", "-added_at", "-id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{reverse('claim-detail', args=[self.claim_id])}#evidence-{self.pk}"


# The PostgreSQL search backend's tables belong to this app (its migrations create them).
from factcheck.search.models import SearchDocument, SearchTerm  # noqa: E402, F401
