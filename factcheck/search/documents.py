"""Turn knowledge-base rows into search documents, reading each kind with one query."""

from collections.abc import Iterable, Iterator

from django.db.models import Min, QuerySet

from articles.models import Article
from factcheck.models import Claim, Speaker, Statement

from .base import Document


def claim_documents(claims: QuerySet) -> Iterator[Document]:
    rows = claims.select_related("speaker", "current_verdict").annotate(
        source_id=Min("appearances__statement__article__source_id")
    )
    for claim in rows:
        yield Document(
            type="claim",
            obj_id=claim.pk,
            text=claim.text,
            speaker=claim.speaker.name if claim.speaker else "",
            speaker_id=claim.speaker_id,
            source_id=claim.source_id,
            rating=claim.current_verdict.rating if claim.current_verdict else "",
            claim_type=claim.claim_type,
            date=claim.first_seen_at,
        )


def statement_documents(statements: QuerySet) -> Iterator[Document]:
    for statement in statements.select_related("speaker", "article"):
        yield Document(
            type="statement",
            obj_id=statement.pk,
            text=statement.quote,
            speaker=statement.speaker.name if statement.speaker else "",
            speaker_id=statement.speaker_id,
            source_id=statement.article.source_id,
            date=statement.article.published_at,
            article_id=statement.article_id,
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
