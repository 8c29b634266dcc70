"""API views: thin layers over QuerySets (reads) and factcheck.editorial (writes)."""

from django.db.models import Count, F
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.models import Article, Source
from factcheck import editorial
from factcheck.models import Claim, ClaimAppearance, Evidence, Speaker, Statement, Verdict

from . import filters, serializers


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The If-Match version is not the current one; reload and apply again."


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = "Say which version you edited: an If-Match header or a 'version' field."


class CountedRows:
    """Rows to paginate, counted on the plain queryset: COUNT(*) over values() keeps its joins."""

    def __init__(self, rows, counted):
        self.rows, self.counted = rows, counted
        self.ordered = counted.ordered

    def count(self) -> int:
        return self.counted.count()

    def __getitem__(self, index):
        return self.rows[index]


class ClaimViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Claims. ``PATCH`` (editors) marks check-worthiness, assignment and promise status."""

    serializer_class = serializers.ClaimSerializer
    filterset_class = filters.ClaimFilter
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return Claim.objects.order_by("-first_seen_at", "-id")

    def list(self, request: Request, *args, **kwargs) -> Response:
        # The busiest page of the API: rows from values() rather than model instances.
        claims = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(
            CountedRows(claims.values(*serializers.CLAIM_ROW_FIELDS), claims)
        )
        return self.get_paginated_response(self._bodies(page))

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        claim = self.get_object()
        return self._one(claim.pk)

    def _bodies(self, rows: "list[dict]") -> "list[dict]":  # `list` here is the action
        """The API objects of claims read as values() rows (one writer for list and detail)."""
        appearances = ClaimAppearance.objects.rows_by_claim([row["id"] for row in rows])
        context = self.get_serializer_context()
        return [
            serializers.claim_from_row(context, row, appearances.get(row["id"], [])) for row in rows
        ]

    def _one(self, pk: int) -> Response:
        row = Claim.objects.filter(pk=pk).values(*serializers.CLAIM_ROW_FIELDS).get()
        body = self._bodies([row])[0]
        return Response(body, headers={"ETag": f'"{body["version"]}"'})

    @extend_schema(
        request=serializers.ClaimUpdateSerializer,
        responses={200: serializers.ClaimSerializer},
        parameters=[
            OpenApiParameter(
                "If-Match",
                str,
                OpenApiParameter.HEADER,
                required=False,
                description="the claim's ETag (its version)",
            )
        ],
    )
    def partial_update(self, request: Request, *args, **kwargs) -> Response:
        claim = self.get_object()
        data = serializers.ClaimUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        expected = _expected_version(request, values.pop("version", None), claim.version)
        changes = {}
        if "check_worthy" in values:
            changes["check_worthy"] = values["check_worthy"]
        if values.get("assign_to_me"):
            changes["assignee"] = request.user
        if values.get("unassign"):
            changes["assignee"] = None
        if "promise_status" in values:
            changes["promise_status"] = values["promise_status"]
        claim = editorial.claim_update(
            claim=claim, editor=request.user, expected_version=expected, **changes
        )
        return self._one(claim.pk)


def _expected_version(request: Request, field: int | None, current: int) -> int:
    """The version the editor edited: a 'version' field (409 if stale) or If-Match (412)."""
    if_match = request.headers.get("If-Match", "").strip().strip('W/"').strip('"')
    if if_match:
        if not if_match.isdigit():
            raise ValidationError({"If-Match": "Give the claim's version, as its ETag shows."})
        if int(if_match) != current:
            raise PreconditionFailed()
        return int(if_match)
    if field is None:
        raise PreconditionRequired()
    return field


class ClaimVerdictsView(APIView):
    """``GET``: a claim's verdict history. ``POST``: a new verdict (draft, or published at once)."""

    @extend_schema(responses=serializers.VerdictListSerializer)
    def get(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim, pk=pk)
        verdicts = _visible_verdicts(request).filter(claim=claim).order_by("-created_at", "-id")
        body = serializers.VerdictSerializer(verdicts, many=True, context={"request": request}).data
        return Response({"count": len(body), "results": body})

    @extend_schema(
        request=serializers.VerdictInputSerializer, responses={201: serializers.VerdictSerializer}
    )
    def post(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim, pk=pk)
        data = serializers.VerdictInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        verdict = editorial.verdict_create(claim=claim, editor=request.user, **data.validated_data)
        body = serializers.VerdictSerializer(verdict, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


class ClaimEvidenceView(APIView):
    """``GET``: a claim's evidence. ``POST``: attach evidence (url, title, stance, ...)."""

    @extend_schema(responses=serializers.EvidenceListSerializer)
    def get(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim, pk=pk)
        evidence = claim.evidence.select_related("added_by__editor_profile")
        body = serializers.EvidenceSerializer(
            evidence, many=True, context={"request": request}
        ).data
        return Response({"count": len(body), "results": body})

    @extend_schema(
        request=serializers.EvidenceInputSerializer, responses={201: serializers.EvidenceSerializer}
    )
    def post(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim, pk=pk)
        data = serializers.EvidenceInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        article_id = values.pop("article")
        article = (
            get_object_or_404(Article.objects.select_related("source"), pk=article_id)
            if article_id
            else None
        )
        evidence = editorial.evidence_add(
            claim=claim, editor=request.user, article=article, **values
        )
        body = serializers.EvidenceSerializer(evidence, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


def _visible_verdicts(request: Request):
    """Published verdicts for everyone; editors also see drafts."""
    verdicts = Verdict.objects.select_related("editor")
    return verdicts if editorial.is_editor(request.user) else verdicts.published()


class VerdictViewSet(viewsets.ReadOnlyModelViewSet):
    """Verdicts, newest first. Drafts are visible to editors only."""

    serializer_class = serializers.VerdictSerializer
    filterset_class = filters.VerdictFilter

    def get_queryset(self):
        return _visible_verdicts(self.request).order_by(
            F("published_at").desc(nulls_last=True), "-id"
        )


class EvidenceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.EvidenceSerializer
    filterset_class = filters.EvidenceFilter
    queryset = Evidence.objects.select_related("added_by__editor_profile").order_by(
        "-added_at", "-id"
    )


class SpeakerViewSet(viewsets.ReadOnlyModelViewSet):
    """Speakers with aliases, roles and their claims counted by current rating."""

    serializer_class = serializers.SpeakerSerializer
    filterset_class = filters.SpeakerFilter

    def get_queryset(self):
        return (
            Speaker.objects.with_counts()
            .with_rating_counts()
            .prefetch_related("aliases", "roles")
            .order_by("name", "id")
        )


class StatementViewSet(viewsets.ReadOnlyModelViewSet):
    """Attributed statements; rejected ones are visible to editors only."""

    serializer_class = serializers.StatementSerializer
    filterset_class = filters.StatementFilter

    def get_queryset(self):
        statements = (
            Statement.objects.select_related("speaker", "article__source")
            .prefetch_related("appearances")
            .order_by("article_id", "start", "id")
        )
        return statements if editorial.is_editor(self.request.user) else statements.visible()


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = filters.ArticleFilter

    def get_serializer_class(self):
        return (
            serializers.ArticleListSerializer
            if self.action == "list"
            else serializers.ArticleSerializer
        )

    def get_queryset(self):
        articles = Article.objects.select_related("source").annotate(
            statement_count=Count("statements")
        )
        if self.action == "list":
            articles = articles.defer("text", "normalized_text")
        return articles.order_by(F("published_at").desc(nulls_last=True), "-id")


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.SourceSerializer
    queryset = Source.objects.annotate(article_count=Count("articles")).order_by("name")


@csrf_exempt  # it changes nothing; an unknown address should be a JSON 404 for any method
def not_found(request, *args, **kwargs) -> JsonResponse:
    """Unknown API addresses answer in JSON, like every other API error."""
    return JsonResponse({"detail": "Not found: no such API address."}, status=404)
