"""Complete exports of the knowledge base, streamed: rows are read in primary-key batches
(each batch prefetches what it needs), so memory and SQL queries do not grow per row."""

import csv
import io
import json
from collections.abc import Callable, Iterator

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils.timezone import now
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes, renderer_classes
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer

from factcheck.claimreview import claim_review
from factcheck.editorial import is_editor
from factcheck.models import Claim, ClaimAppearance, Statement, Verdict

BATCH = 500


def batches(queryset: QuerySet, size: int = BATCH) -> Iterator[list]:
    """The rows of ``queryset`` in primary-key order, a list of at most ``size`` at a time."""
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def claims_queryset() -> QuerySet:
    return Claim.objects.select_related("speaker", "current_verdict").prefetch_related(
        Prefetch(
            "appearances",
            queryset=ClaimAppearance.objects.select_related("statement__article__source").order_by(
                "id"
            ),
        )
    )


def statements_queryset(request: HttpRequest) -> QuerySet:
    statements = Statement.objects.select_related("speaker", "article__source").prefetch_related(
        "appearances"
    )
    return statements if is_editor(request.user) else statements.visible()


def claim_row(claim: Claim, base: str) -> dict:
    verdict = claim.current_verdict
    return {
        "id": claim.pk,
        "web_url": f"{base}{claim.get_absolute_url()}",
        "text": claim.text,
        "speaker": {"id": claim.speaker_id, "name": claim.speaker.name} if claim.speaker else None,
        "claim_type": claim.claim_type,
        "check_worthiness": claim.check_worthiness,
        "check_worthy": claim.check_worthy,
        "promise_status": claim.promise_status,
        "first_seen_at": _iso(claim.first_seen_at),
        "current_verdict": {
            "id": verdict.pk,
            "rating": verdict.rating,
            "summary": verdict.summary,
            "published_at": _iso(verdict.published_at),
            "author": verdict.byline,
        }
        if verdict
        else None,
        "appearances": [
            {
                "statement": a.statement_id,
                "article": a.statement.article_id,
                "article_title": a.statement.article.title,
                "source": a.statement.article.source.name,
                "published_at": _iso(a.statement.article.published_at),
                "source_url": a.statement.article.url,
                "start": a.start,
                "end": a.end,
            }
            for a in claim.appearances.all()
        ],
    }


def statement_row(statement: Statement, base: str) -> dict:
    article = statement.article
    return {
        "id": statement.pk,
        "web_url": f"{base}{statement.get_absolute_url()}",
        "article": article.pk,
        "article_title": article.title,
        "source": article.source.name,
        "published_at": _iso(article.published_at),
        "source_url": article.url,
        "speaker": {"id": statement.speaker_id, "name": statement.speaker.name}
        if statement.speaker
        else None,
        "speaker_mention": statement.speaker_mention,
        "role": statement.role,
        "start": statement.start,
        "end": statement.end,
        "quote": statement.quote,
        "kind": statement.kind,
        "cue": statement.cue,
        "location": statement.location,
        "confidence": statement.confidence,
        "review_status": statement.review_status,
        "claims": [a.claim_id for a in statement.appearances.all()],
    }


CLAIM_COLUMNS = [
    "id",
    "web_url",
    "text",
    "speaker_id",
    "speaker",
    "claim_type",
    "check_worthiness",
    "check_worthy",
    "promise_status",
    "first_seen_at",
    "rating",
    "verdict_summary",
    "verdict_published_at",
    "appearance_count",
    "articles",
]
STATEMENT_COLUMNS = [
    "id",
    "web_url",
    "article",
    "article_title",
    "source",
    "published_at",
    "source_url",
    "speaker_id",
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


def claim_csv(row: dict) -> list:
    verdict = row["current_verdict"] or {}
    speaker = row["speaker"] or {}
    return [
        row["id"],
        row["web_url"],
        row["text"],
        speaker.get("id", ""),
        speaker.get("name", ""),
        row["claim_type"],
        row["check_worthiness"],
        row["check_worthy"],
        row["promise_status"],
        row["first_seen_at"] or "",
        verdict.get("rating", ""),
        verdict.get("summary", ""),
        verdict.get("published_at") or "",
        len(row["appearances"]),
        ";".join(str(a["article"]) for a in row["appearances"]),
    ]


def statement_csv(row: dict) -> list:
    speaker = row["speaker"] or {}
    return [
        row["id"],
        row["web_url"],
        row["article"],
        row["article_title"],
        row["source"],
        row["published_at"] or "",
        row["source_url"],
        speaker.get("id", ""),
        speaker.get("name", ""),
        row["speaker_mention"],
        row["role"],
        row["start"],
        row["end"],
        row["quote"],
        row["kind"],
        row["cue"],
        row["location"],
        row["confidence"],
        row["review_status"],
        ";".join(str(c) for c in row["claims"]),
    ]


def _jsonl(rows: Iterator[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def _csv(
    columns: list[str], rows: Iterator[dict], to_cells: Callable[[dict], list]
) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # The byte-order mark tells spreadsheet programs the file is UTF-8 (Persian text).
    writer.writerow(columns)
    yield "\ufeff" + buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(to_cells(row))
        yield buffer.getvalue()


def _rows(queryset: QuerySet, make: Callable, base: str) -> Iterator[dict]:
    for batch in batches(queryset):
        for obj in batch:
            yield make(obj, base)


class _Passthrough(BaseRenderer):
    """The views stream their own bytes; DRF only negotiates the media type."""

    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class JSONLinesRenderer(_Passthrough):
    media_type = "application/x-ndjson"
    format = "jsonl"


class CSVRenderer(_Passthrough):
    media_type = "text/csv"
    format = "csv"


class JSONLDRenderer(_Passthrough):
    media_type = "application/ld+json"
    format = "jsonld"


def _stream(chunks: Iterator[str], content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse((c.encode("utf-8") for c in chunks), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _export_view(
    name: str,
    build: Callable[[HttpRequest], StreamingHttpResponse],
    description: str,
    renderer: type[BaseRenderer],
):
    body = (
        {"type": "array", "items": {"type": "object"}}
        if renderer is JSONLDRenderer
        else {"type": "string", "format": "binary"}
    )

    @extend_schema(description=description, responses={(200, renderer.media_type): body})
    @api_view(["GET"])
    @permission_classes([AllowAny])
    @renderer_classes([renderer])
    def view(request):
        return build(request._request)

    view.__name__ = name
    return view


def _stamp() -> str:
    return now().strftime("%Y%m%d")


claims_jsonl = _export_view(
    "claims_jsonl",
    lambda r: _stream(
        _jsonl(_rows(claims_queryset(), claim_row, _base(r))),
        "application/x-ndjson; charset=utf-8",
        f"claims-{_stamp()}.jsonl",
    ),
    "Every claim as one JSON object a line: speaker, appearances, current verdict.",
    JSONLinesRenderer,
)
claims_csv = _export_view(
    "claims_csv",
    lambda r: _stream(
        _csv(CLAIM_COLUMNS, _rows(claims_queryset(), claim_row, _base(r)), claim_csv),
        "text/csv; charset=utf-8",
        f"claims-{_stamp()}.csv",
    ),
    "Every claim as a CSV row (UTF-8 with a byte-order mark).",
    CSVRenderer,
)
statements_jsonl = _export_view(
    "statements_jsonl",
    lambda r: _stream(
        _jsonl(_rows(statements_queryset(r), statement_row, _base(r))),
        "application/x-ndjson; charset=utf-8",
        f"statements-{_stamp()}.jsonl",
    ),
    "Every statement as one JSON object a line, with offsets into its article's text.",
    JSONLinesRenderer,
)
statements_csv = _export_view(
    "statements_csv",
    lambda r: _stream(
        _csv(
            STATEMENT_COLUMNS, _rows(statements_queryset(r), statement_row, _base(r)), statement_csv
        ),
        "text/csv; charset=utf-8",
        f"statements-{_stamp()}.csv",
    ),
    "Every statement as a CSV row (UTF-8 with a byte-order mark).",
    CSVRenderer,
)


def claimreview_queryset() -> QuerySet:
    return (
        Verdict.objects.published()
        .select_related("claim__speaker")
        .prefetch_related(
            Prefetch(
                "claim__appearances",
                queryset=ClaimAppearance.objects.select_related(
                    "statement__article__source"
                ).order_by("id"),
            )
        )
    )


def _claim_reviews(request: HttpRequest) -> Iterator[str]:
    verdicts = claimreview_queryset()
    yield "[\n"
    first = True
    for batch in batches(verdicts):
        for verdict in batch:
            yield ("" if first else ",\n") + json.dumps(
                claim_review(verdict, request), ensure_ascii=False
            )
            first = False
    yield "\n]\n"


claimreview_json = _export_view(
    "claimreview_json",
    lambda r: _stream(
        _claim_reviews(r), "application/ld+json; charset=utf-8", f"claimreview-{_stamp()}.json"
    ),
    "Every published verdict as schema.org ClaimReview (JSON-LD), as on the claim pages.",
    JSONLDRenderer,
)
