"""API views: thin layers over QuerySets (reads) and factcheck.editorial (writes)."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.models import Article
from factcheck import editorial
from factcheck.models import Claim, ClaimAppearance, Evidence, Speaker, Verdict

from . import serializers


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The If-Match version is not the current one; reload and apply again."


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = "Say which version you edited: an If-Match header or a 'version' field."


def claims_queryset():
    return Claim.objects.select_related("speaker", "assignee", "current_verdict").prefetch_related(
        Prefetch(
            "appearances",
            queryset=ClaimAppearance.objects.select_related("statement__article__source").order_by(
                "id"
            ),
        )
    )


class ClaimViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Claims. ``PATCH`` (editors) marks check-worthiness, assignment and promise status."""

    serializer_class = serializers.ClaimSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return claims_queryset().order_by("-first_seen_at", "-id")

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = f'"{response.data["version"]}"'
        return response

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
        body = serializers.ClaimSerializer(
            self.get_queryset().get(pk=claim.pk), context={"request": request}
        ).data
        return Response(body, headers={"ETag": f'"{claim.version}"'})


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

    def get(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim, pk=pk)
        verdicts = claim.verdicts.select_related("editor").order_by("-created_at", "-id")
        body = serializers.VerdictSerializer(verdicts, many=True, context={"request": request}).data
        return Response({"count": len(body), "results": body})

    def post(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim, pk=pk)
        data = serializers.VerdictInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        verdict = editorial.verdict_create(claim=claim, editor=request.user, **data.validated_data)
        body = serializers.VerdictSerializer(verdict, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


class ClaimEvidenceView(APIView):
    """``GET``: a claim's evidence. ``POST``: attach evidence (url, title, stance, ...)."""

    def get(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim, pk=pk)
        evidence = claim.evidence.select_related("added_by__editor_profile")
        body = serializers.EvidenceSerializer(
            evidence, many=True, context={"request": request}
        ).data
        return Response({"count": len(body), "results": body})

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


class VerdictViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.VerdictSerializer
    queryset = Verdict.objects.select_related("editor").order_by("-created_at", "-id")


class EvidenceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.EvidenceSerializer
    queryset = Evidence.objects.select_related("added_by__editor_profile").order_by(
        "-added_at", "-id"
    )


class SpeakerViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.SpeakerRefSerializer
    queryset = Speaker.objects.order_by("name")
