"""GET /api/v1/search/?q=...: results, snippets and facet counts from the search index."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.models import Rating
from factcheck.search.base import TYPES, SearchRequest, SearchUnavailable
from factcheck.search.results import run_search


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(max_length=500, help_text="words or a quoted phrase")
    type = serializers.MultipleChoiceField(choices=TYPES, required=False)
    speaker = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
    source = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
    rating = serializers.ChoiceField(choices=Rating.choices, required=False)
    date_after = serializers.DateTimeField(required=False)
    date_before = serializers.DateTimeField(required=False)
    page = serializers.IntegerField(min_value=1, max_value=10_000, required=False, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=100, required=False, default=20)


class SearchResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=TYPES)
    id = serializers.IntegerField()
    text = serializers.CharField()
    snippet = serializers.CharField(help_text="HTML: escaped text, matches in <mark>")
    score = serializers.FloatField()
    url = serializers.URLField()
    web_url = serializers.URLField()


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = SearchResultSerializer(many=True)
    facets = serializers.DictField(child=serializers.DictField(child=serializers.IntegerField()))


class SearchUnavailableError(serializers.Serializer):
    detail = serializers.CharField()


class SearchView(APIView):
    """Full-text search over claims, statements, articles and speakers (Persian-aware)."""

    @extend_schema(
        parameters=[SearchQuerySerializer, OpenApiParameter("type", str, many=True, enum=TYPES)],
        responses={200: SearchResponseSerializer, 503: SearchUnavailableError},
    )
    def get(self, request: Request) -> Response:
        query = SearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        try:
            page = run_search(
                SearchRequest(
                    data["q"],
                    types=tuple(data.get("type") or ()),
                    speaker=data.get("speaker"),
                    source=data.get("source"),
                    rating=data.get("rating"),
                    date_from=data.get("date_after"),
                    date_to=data.get("date_before"),
                    page=data["page"],
                    page_size=data["page_size"],
                )
            )
        except SearchUnavailable:
            return Response(
                {"detail": "The search index is being rebuilt; try again in a few minutes."},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        base = request.build_absolute_uri("/").rstrip("/")
        return Response(
            {
                "count": page.count,
                "results": [
                    {
                        "type": r.type,
                        "id": r.id,
                        "text": r.text,
                        "snippet": r.snippet,
                        "score": r.score,
                        "url": base + r.path,
                        "web_url": base + r.web_path,
                    }
                    for r in page.results
                ],
                "facets": page.facets,
            }
        )
