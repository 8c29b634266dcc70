"""Query filters of the API (django-filter): ?speaker=, ?source=, ?rating=, date ranges, ..."""

from datetime import UTC, datetime

import django_filters as filters
from django import forms

from articles.models import Article
from factcheck.models import (
    Claim,
    ClaimType,
    Evidence,
    PromiseStatus,
    Rating,
    ReviewStatus,
    Speaker,
    SpeakerKind,
    Stance,
    Statement,
    StatementKind,
    StatementLocation,
    Verdict,
)

MAX_ID = 2**63 - 1


class IdFilter(filters.NumberFilter):
    """An object id: a positive integer the database can hold (larger is a 400, not a crash)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC: PostgreSQL refuses offsets beyond 15:59 (Python allows 23:59).
    An instant past the calendar's ends becomes that end."""
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        return (datetime.max if moment.year > 1 else datetime.min).replace(tzinfo=UTC)


class DateTimeFilter(filters.IsoDateTimeFilter):
    """An ISO 8601 moment, compared in UTC (so any offset works on every database)."""

    def filter(self, qs, value):
        return super().filter(qs, as_utc(value) if value is not None else value)


class ClaimFilter(filters.FilterSet):
    speaker = IdFilter(field_name="speaker_id")
    source = IdFilter(method="by_source")
    article = IdFilter(method="by_article")
    rating = filters.MultipleChoiceFilter(
        field_name="current_verdict__rating", choices=Rating.choices
    )
    claim_type = filters.MultipleChoiceFilter(choices=ClaimType.choices)
    promise_status = filters.MultipleChoiceFilter(choices=PromiseStatus.choices)
    has_verdict = filters.BooleanFilter(
        field_name="current_verdict", lookup_expr="isnull", exclude=True
    )
    check_worthy = filters.BooleanFilter()
    min_check_worthiness = filters.NumberFilter(field_name="check_worthiness", lookup_expr="gte")
    statement_date_after = DateTimeFilter(field_name="first_seen_at", lookup_expr="gte")
    statement_date_before = DateTimeFilter(field_name="first_seen_at", lookup_expr="lte")
    verdict_date_after = DateTimeFilter(
        field_name="current_verdict__published_at", lookup_expr="gte"
    )
    verdict_date_before = DateTimeFilter(
        field_name="current_verdict__published_at", lookup_expr="lte"
    )
    ordering = filters.OrderingFilter(
        fields=(
            ("first_seen_at", "first_seen_at"),
            ("check_worthiness", "check_worthiness"),
            ("current_verdict__published_at", "verdict_date"),
            ("id", "id"),
        ),
    )

    class Meta:
        model = Claim
        fields = []

    def by_source(self, queryset, name, value):
        return queryset.filter(appearances__statement__article__source_id=value).distinct()

    def by_article(self, queryset, name, value):
        return queryset.filter(appearances__statement__article_id=value).distinct()


class StatementFilter(filters.FilterSet):
    speaker = IdFilter(field_name="speaker_id")
    source = IdFilter(field_name="article__source_id")
    article = IdFilter(field_name="article_id")
    kind = filters.ChoiceFilter(choices=StatementKind.choices)
    location = filters.ChoiceFilter(choices=StatementLocation.choices)
    review_status = filters.ChoiceFilter(choices=ReviewStatus.choices)
    min_confidence = filters.NumberFilter(field_name="confidence", lookup_expr="gte")
    date_after = DateTimeFilter(field_name="article__published_at", lookup_expr="gte")
    date_before = DateTimeFilter(field_name="article__published_at", lookup_expr="lte")
    ordering = filters.OrderingFilter(
        fields=(("article__published_at", "date"), ("confidence", "confidence"), ("id", "id")),
    )

    class Meta:
        model = Statement
        fields = []


class SpeakerFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=SpeakerKind.choices)
    name = filters.CharFilter(field_name="name", lookup_expr="icontains")
    ordering = filters.OrderingFilter(
        fields=(("name", "name"), ("claim_count", "claim_count"), ("id", "id")),
    )

    class Meta:
        model = Speaker
        fields = []


class ArticleFilter(filters.FilterSet):
    source = IdFilter(field_name="source_id")
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lte")
    ordering = filters.OrderingFilter(fields=(("published_at", "published_at"), ("id", "id")))

    class Meta:
        model = Article
        fields = []


class VerdictFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim_id")
    speaker = IdFilter(field_name="claim__speaker_id")
    rating = filters.MultipleChoiceFilter(choices=Rating.choices)
    is_correction = filters.BooleanFilter()
    date_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    date_before = DateTimeFilter(field_name="published_at", lookup_expr="lte")
    ordering = filters.OrderingFilter(fields=(("published_at", "date"), ("id", "id")))

    class Meta:
        model = Verdict
        fields = []


class EvidenceFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim_id")
    stance = filters.ChoiceFilter(choices=Stance.choices)
    article = IdFilter(field_name="article_id")

    class Meta:
        model = Evidence
        fields = []
