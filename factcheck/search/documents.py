"""Turn knowledge-base rows into search documents, reading each kind with one query."""

from collections.abc import Iterable, Iterator

from django.db.models import Min, QuerySet

from articles.models import Article
from factcheck.models import Claim, Speaker, Statement

from .base import Document


def claim_documents(claims: QuerySet) -> Iterator[Document]:
    # Plain values, not model rows: ingest indexes tens of thousands of claims and statements.
    rows = claims.annotate(source_id=Min("appearances__statement__article__source_id"))
    for pk, text, speaker_id, speaker, source_id, rating, claim_type, date in rows.values_list(
        "pk",
        "text",
        "speaker_id",
        "speaker__name",
        "source_id",
        "current_verdict__rating",
        "claim_type",
        "first_seen_at",
    ):
        yield Document(
            type="claim",
            obj_id=pk,
            text=text,
            speaker=speaker or "",
            speaker_id=speaker_id,
            source_id=source_id,
            rating=rating or "",
            claim_type=claim_type,
            date=date,
        )


def statement_documents(statements: QuerySet) -> Iterator[Document]:
    for pk, quote, speaker_id, speaker, article_id, source_id, date in statements.values_list(
        "pk",
        "quote",
        "speaker_id",
        "speaker__name",
        "article_id",
        "article__source_id",
        "article__published_at",
    ):
        yield Document(
            type="statement",
            obj_id=pk,
            text=quote,
            speaker=speaker or "",
            speaker_id=speaker_id,
            source_id=source_id,
            date=date,
            article_id=article_id,
        )


def article_documents(articles: QuerySet) -> Iterator[Document]:
    for article in articles.select_related("source"):
        yield Document(
            type="article",
            obj_id=article.pk,
            title=article.title,
            text=article.text,
            normalized=article.normalized_text or None,
            source_id=article.source_id,
            date=article.published_at,
        )


def speaker_documents(speakers: QuerySet) -> Iterator[Document]:
    for speaker in speakers.prefetch_related("aliases", "roles"):
        aliases = " ".join(a.name for a in speaker.aliases.all())
        roles = " ".join(r.title for r in speaker.roles.all())
        yield Document(
            type="speaker",
            obj_id=speaker.pk,
            title=speaker.name,
            text=f"{aliases} {roles}",
            speaker=speaker.name,
            speaker_id=speaker.pk,
        )


BUILDERS = {
    "claim": (Claim, claim_documents),
    "statement": (Statement, statement_documents),
    "article": (Article, article_documents),
    "speaker": (Speaker, speaker_documents),
}


def documents_for(kind: str, ids: Iterable[int]) -> list[Document]:
    model, build = BUILDERS[kind]
    queryset = model.objects.filter(pk__in=list(ids))
    if model is Statement:
        queryset = queryset.visible()
    return list(build(queryset))
