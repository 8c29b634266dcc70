"""JSON shapes of the knowledge base. Every object has ``id``, ``url`` (API) and ``web_url``."""

from rest_framework import serializers

from factcheck.models import (
    Claim,
    ClaimAppearance,
    Evidence,
    PromiseStatus,
    Rating,
    Speaker,
    Stance,
    Verdict,
)


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
    published_at = serializers.DateTimeField(source="statement.article.published_at")
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
    speaker = SpeakerRefSerializer(read_only=True)
    appearances = AppearanceSerializer(many=True, read_only=True)
    current_verdict = VerdictSerializer(read_only=True)
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
