"""JSON shapes of the knowledge base. Every object has ``id``, ``url`` (API) and ``web_url``."""

import functools

from django.urls import reverse
from django.utils import timezone
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

_SENTINEL = 987654321


@functools.cache
def _path_template(view_name: str) -> str:
    """reverse() once per view; a page of 200 objects then formats instead of resolving."""
    return reverse(view_name, args=[_SENTINEL]).replace(str(_SENTINEL), "{}")


def absolute(context: dict, view_name: str, pk: int, fragment: str = "") -> str:
    """The absolute URL of ``view_name`` for ``pk`` on the host of the request in ``context``."""
    path = _path_template(view_name).format(pk) + fragment
    request = context.get("request")
    if request is None:
        return path
    base = context.get("_base")
    if base is None:
        base = context["_base"] = request.build_absolute_uri("/").rstrip("/")
    return base + path


# The public page of each kind of object (web_url), as get_absolute_url() gives it.
_WEB_PAGES = {
    "claim": ("claim-detail", lambda o: o.pk, ""),
    "speaker": ("speaker-detail", lambda o: o.pk, ""),
    "article": ("article-detail", lambda o: o.pk, ""),
    "source": ("source-detail", lambda o: o.pk, ""),
    "statement": ("article-detail", lambda o: o.article_id, "#statement-{}"),
    "verdict": ("claim-detail", lambda o: o.claim_id, "#verdict-{}"),
    "evidence": ("claim-detail", lambda o: o.claim_id, "#evidence-{}"),
}


def web_url(context: dict, obj) -> str:
    view_name, key, fragment = _WEB_PAGES[obj._meta.model_name]
    return absolute(context, view_name, key(obj), fragment.format(obj.pk) if fragment else "")


def _datetime(value) -> str | None:
    """A datetime as DRF's DateTimeField writes it: ISO 8601 in the site's time zone."""
    if not value:
        return None
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


@extend_schema_field(OpenApiTypes.URI)
class WebUrlField(serializers.Field):
    """The absolute address of the object's public page on the host of the request."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj) -> str:
        return web_url(self.context, obj)


class ApiUrlField(serializers.HyperlinkedIdentityField):
    """The object's API address, formatted from a cached path rather than reversed each time."""

    def to_representation(self, value) -> str:
        return absolute(self.context, self.view_name, value.pk)


class SpeakerRefSerializer(serializers.ModelSerializer):
    url = ApiUrlField(view_name="api:speaker-detail")
    web_url = WebUrlField()

    class Meta:
        model = Speaker
        fields = ["id", "url", "web_url", "name", "kind"]

    def to_representation(self, speaker: Speaker) -> dict:
        if type(self) is not SpeakerRefSerializer:
            return super().to_representation(speaker)
        return speaker_ref(self.context, speaker)


class VerdictSerializer(serializers.ModelSerializer):
    url = ApiUrlField(view_name="api:verdict-detail")
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

    def to_representation(self, verdict: Verdict) -> dict:
        return verdict_dict(self.context, verdict)


def speaker_ref(context: dict, speaker: Speaker) -> dict:
    """SpeakerRefSerializer's fields, written out: a list of claims has a speaker per row."""
    return {
        "id": speaker.pk,
        "url": absolute(context, "api:speaker-detail", speaker.pk),
        "web_url": web_url(context, speaker),
        "name": speaker.name,
        "kind": speaker.kind,
    }


def verdict_dict(context: dict, verdict: Verdict) -> dict:
    """VerdictSerializer's fields, written out (a verdict rides on every claim of a list)."""
    return {
        "id": verdict.pk,
        "url": absolute(context, "api:verdict-detail", verdict.pk),
        "web_url": web_url(context, verdict),
        "claim": verdict.claim_id,
        "rating": verdict.rating,
        "rating_label": verdict.get_rating_display(),
        "summary": verdict.summary,
        "reasoning": verdict.reasoning,
        "status": verdict.status,
        "published_at": _datetime(verdict.published_at),
        "is_correction": verdict.is_correction,
        "correction_reason": verdict.correction_reason,
        "author": verdict.byline,
        "created_at": _datetime(verdict.created_at),
        "version": verdict.version,
    }


class VerdictInputSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=Rating.choices)
    summary = serializers.CharField(max_length=500)
    reasoning = serializers.CharField(required=False, allow_blank=True, default="")
    publish = serializers.BooleanField(required=False, default=False)
    correction_reason = serializers.CharField(required=False, allow_blank=True, default="")


class EvidenceSerializer(serializers.ModelSerializer):
    """``url`` is the API address, as for every object; the document's is ``source_url``."""

    url = ApiUrlField(view_name="api:evidence-detail")
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
    url = ApiUrlField(view_name="api:claim-detail")
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
    url = ApiUrlField(view_name="api:source-detail")
    web_url = WebUrlField()
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Source
        fields = ["id", "url", "web_url", "name", "homepage", "article_count"]


class ArticleSerializer(serializers.ModelSerializer):
    """An article; ``source_url`` is where it was published, ``text`` the text as published."""

    url = ApiUrlField(view_name="api:article-detail")
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

    url = ApiUrlField(view_name="api:statement-detail")
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


# The columns of a claims page, read with values(): a page of plain rows, no model instances.
CLAIM_ROW_FIELDS = [
    "id",
    "text",
    "claim_type",
    "check_worthiness",
    "worthiness_reasons",
    "check_worthy",
    "promise_status",
    "first_seen_at",
    "version",
    "speaker_id",
    "speaker__name",
    "speaker__kind",
    "assignee__username",
    "current_verdict_id",
    "current_verdict__rating",
    "current_verdict__summary",
    "current_verdict__reasoning",
    "current_verdict__status",
    "current_verdict__published_at",
    "current_verdict__is_correction",
    "current_verdict__correction_reason",
    "current_verdict__byline",
    "current_verdict__created_at",
    "current_verdict__version",
]
_RATING_LABELS = dict(Rating.choices)


def claim_from_row(context: dict, row: dict, appearances: list[dict]) -> dict:
    """ClaimSerializer's output for one values() row and its appearance rows."""
    claim_id, speaker_id, verdict_id = row["id"], row["speaker_id"], row["current_verdict_id"]
    claim_page = absolute(context, "claim-detail", claim_id)
    return {
        "id": claim_id,
        "url": absolute(context, "api:claim-detail", claim_id),
        "web_url": claim_page,
        "text": row["text"],
        "speaker": {
            "id": speaker_id,
            "url": absolute(context, "api:speaker-detail", speaker_id),
            "web_url": absolute(context, "speaker-detail", speaker_id),
            "name": row["speaker__name"],
            "kind": row["speaker__kind"],
        }
        if speaker_id
        else None,
        "claim_type": row["claim_type"],
        "check_worthiness": row["check_worthiness"],
        "worthiness_reasons": row["worthiness_reasons"],
        "check_worthy": row["check_worthy"],
        "assignee": row["assignee__username"],
        "promise_status": row["promise_status"],
        "current_verdict": {
            "id": verdict_id,
            "url": absolute(context, "api:verdict-detail", verdict_id),
            "web_url": f"{claim_page}#verdict-{verdict_id}",
            "claim": claim_id,
            "rating": row["current_verdict__rating"],
            "rating_label": _RATING_LABELS.get(row["current_verdict__rating"], ""),
            "summary": row["current_verdict__summary"],
            "reasoning": row["current_verdict__reasoning"],
            "status": row["current_verdict__status"],
            "published_at": _datetime(row["current_verdict__published_at"]),
            "is_correction": row["current_verdict__is_correction"],
            "correction_reason": row["current_verdict__correction_reason"],
            "author": row["current_verdict__byline"],
            "created_at": _datetime(row["current_verdict__created_at"]),
            "version": row["current_verdict__version"],
        }
        if verdict_id
        else None,
        "appearances": [{**a, "published_at": _datetime(a["published_at"])} for a in appearances],
        "first_seen_at": _datetime(row["first_seen_at"]),
        "version": row["version"],
    }
