"""JSON shapes of the knowledge base. Every object has ``id``, ``url`` (API) and ``web_url``."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article, Source
from factcheck.models import (
    Claim,
    ClaimAppearance,
    Evidence,
    PromiseStatus,
    Rating,
    Speaker,
    Stance,
    Statement,
    Verdict,
)


@extend_schema_field(OpenApiTypes.URI)
class WebUrlField(serializers.Field):
    """The absolute address of the object's public page on the host of the request."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class SpeakerRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:speaker-detail")
    web_url = WebUrlField()

    class Meta:
        model = Speaker
        fields = ["id", "url", "web_url", "name", "kind"]


class VerdictSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:verdict-detail")
    web_url = WebUrlField()
    claim = serializers.PrimaryKeyRelatedField(read_only=True)
    rating_label = serializers.CharField(source="get_rating_display", read_only=True)
    author = serializers.CharField(source="byline", read_only=True)

    class Meta:
        model = Verdict
        fields = [
            "id",
            "url",
            "web_url",
            "claim",
            "rating",
            "rating_label",
            "summary",
            "reasoning",
            "status",
            "published_at",
            "is_correction",
            "correction_reason",
            "author",
            "created_at",
            "version",
        ]
        read_only_fields = fields


class VerdictInputSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=Rating.choices)
    summary = serializers.CharField(max_length=500)
    reasoning = serializers.CharField(required=False, allow_blank=True, default="")
    publish = serializers.BooleanField(required=False, default=False)
    correction_reason = serializers.CharField(required=False, allow_blank=True, default="")


class EvidenceSerializer(serializers.ModelSerializer):
    """``url`` is the API address, as for every object; the document's is ``source_url``."""

    url = serializers.HyperlinkedIdentityField(view_name="api:evidence-detail")
    web_url = WebUrlField()
    source_url = serializers.CharField(source="url", read_only=True)
    claim = serializers.PrimaryKeyRelatedField(read_only=True)
    added_by = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = [
            "id",
            "url",
            "web_url",
            "claim",
            "source_url",
            "title",
            "publisher",
            "published_on",
            "excerpt",
            "stance",
            "article",
            "added_by",
            "added_at",
        ]
        read_only_fields = fields

    def get_added_by(self, obj: Evidence) -> str:
        from factcheck.models import byline_of

        return byline_of(obj.added_by)


class EvidenceInputSerializer(serializers.Serializer):
    url = serializers.URLField(required=False, allow_blank=True, default="")
    title = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    stance = serializers.ChoiceField(choices=Stance.choices)
    publisher = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    published_on = serializers.DateField(required=False, allow_null=True, default=None)
    excerpt = serializers.CharField(required=False, allow_blank=True, default="")
    article = serializers.IntegerField(required=False, allow_null=True, default=None)


class AppearanceSerializer(serializers.ModelSerializer):
    statement = serializers.IntegerField(source="statement_id")
    article = serializers.IntegerField(source="statement.article_id")
    article_title = serializers.CharField(source="statement.article.title")
    source = serializers.CharField(source="statement.article.source.name")
    published_at = serializers.DateTimeField(
        source="statement.article.published_at", allow_null=True
    )
    quote = serializers.CharField(source="statement.quote")

    class Meta:
        model = ClaimAppearance
        fields = [
            "statement",
            "article",
            "article_title",
            "source",
            "published_at",
            "start",
            "end",
            "quote",
        ]


class ClaimSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:claim-detail")
    web_url = WebUrlField()
    speaker = SpeakerRefSerializer(read_only=True, allow_null=True)
    appearances = AppearanceSerializer(many=True, read_only=True)
    current_verdict = VerdictSerializer(read_only=True, allow_null=True)
    assignee = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id",
            "url",
            "web_url",
            "text",
            "speaker",
            "claim_type",
            "check_worthiness",
            "worthiness_reasons",
            "check_worthy",
            "assignee",
            "promise_status",
            "current_verdict",
            "appearances",
            "first_seen_at",
            "version",
        ]
        read_only_fields = fields

    def get_assignee(self, obj: Claim) -> str | None:
        return obj.assignee.get_username() if obj.assignee_id else None


class ClaimUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False, help_text="the version you edited")
    check_worthy = serializers.BooleanField(required=False, allow_null=True)
    assign_to_me = serializers.BooleanField(required=False)
    unassign = serializers.BooleanField(required=False)
    promise_status = serializers.ChoiceField(choices=PromiseStatus.choices, required=False)


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")
    web_url = WebUrlField()
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Source
        fields = ["id", "url", "web_url", "name", "homepage", "article_count"]


class ArticleSerializer(serializers.ModelSerializer):
    """An article; ``source_url`` is where it was published, ``text`` the text as published."""

    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    web_url = WebUrlField()
    source_url = serializers.CharField(source="url", read_only=True)
    source = serializers.SerializerMethodField()
    statement_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "web_url",
            "source_url",
            "source",
            "title",
            "kicker",
            "lead",
            "news_code",
            "published_at",
            "statement_count",
            "text",
        ]

    def get_source(self, obj: Article) -> dict:
        return {"id": obj.source_id, "name": obj.source.name}


class ArticleListSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [f for f in ArticleSerializer.Meta.fields if f != "text"]


class StatementSerializer(serializers.ModelSerializer):
    """One attributed passage; ``start``/``end`` index the article's published text."""

    url = serializers.HyperlinkedIdentityField(view_name="api:statement-detail")
    web_url = WebUrlField()
    article = serializers.SerializerMethodField()
    speaker = SpeakerRefSerializer(read_only=True, allow_null=True)
    claims = serializers.SerializerMethodField()

    class Meta:
        model = Statement
        fields = [
            "id",
            "url",
            "web_url",
            "article",
            "speaker",
            "speaker_mention",
            "role",
            "start",
            "end",
            "quote",
            "kind",
            "cue",
            "location",
            "confidence",
            "review_status",
            "claims",
        ]

    def get_article(self, obj: Statement) -> dict:
        article = obj.article
        return {
            "id": article.pk,
            "title": article.title,
            "source": article.source.name,
            "published_at": article.published_at,
            "source_url": article.url,
        }

    def get_claims(self, obj: Statement) -> list[int]:
        return [a.claim_id for a in obj.appearances.all()]


class SpeakerSerializer(SpeakerRefSerializer):
    """A speaker with aliases, roles over time and counts of their claims by current rating."""

    aliases = serializers.SerializerMethodField()
    roles = serializers.SerializerMethodField()
    claim_count = serializers.IntegerField(read_only=True)
    statement_count = serializers.IntegerField(read_only=True)
    claims_by_rating = serializers.SerializerMethodField()

    class Meta(SpeakerRefSerializer.Meta):
        fields = [
            *SpeakerRefSerializer.Meta.fields,
            "aliases",
            "roles",
            "claim_count",
            "statement_count",
            "claims_by_rating",
        ]

    def get_aliases(self, obj: Speaker) -> list[str]:
        return sorted({a.name for a in obj.aliases.all()} - {obj.name})

    def get_roles(self, obj: Speaker) -> list[dict]:
        return [
            {"title": r.title, "first_seen": r.first_seen, "last_seen": r.last_seen}
            for r in obj.roles.all()
        ]

    def get_claims_by_rating(self, obj: Speaker) -> dict[str, int]:
        return {
            rating: getattr(obj, f"rated_{rating.replace('-', '_')}", 0) for rating in Rating.values
        }


class VerdictListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = VerdictSerializer(many=True)


class EvidenceListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = EvidenceSerializer(many=True)
