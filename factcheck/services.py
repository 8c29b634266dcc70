"""Workflows that write: storing an ingested article with its statements, speakers and claims.

Each public function is one transaction; the NLP layer gives plain dataclasses and only this
module turns them into rows.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.db import transaction
from django.db.models import Q

from articles.models import Article, ArticleRevision, Source, content_hash
from articles.parsed import ParsedArticle

from . import nlp
from .models import (
    Claim,
    ClaimAppearance,
    ReviewStatus,
    Speaker,
    SpeakerAlias,
    SpeakerKind,
    SpeakerRole,
    Statement,
)
from .nlp.names import canonical_name, name_words

UNKNOWN_SOURCE = "نامشخص"


class IngestStatus(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class IngestCache:
    """Lookups reused across one batch: sources and speakers by folded key."""

    sources: dict[str, Source] = field(default_factory=dict)
    speakers: dict[str, Speaker] = field(default_factory=dict)


def claim_fingerprint(text: str) -> str:
    """Key under which a repeated claim by one speaker is one claim."""
    words = nlp.text.fold_words(text).strip(" .!?؟«»\"'،,")
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def source_get_or_create(*, name: str, cache: IngestCache | None = None) -> Source:
    name = " ".join(name.split()) or UNKNOWN_SOURCE
    if cache and name in cache.sources:
        return cache.sources[name]
    source, _ = Source.objects.get_or_create(name=name)
    if cache is not None:
        cache.sources[name] = source
    return source


def _existing_article(parsed: ParsedArticle, digest: str) -> Article | None:
    if parsed.url:
        found = Article.objects.filter(url=parsed.url).first()
        if found:
            return found
    if parsed.external_id:
        found = Article.objects.filter(external_id=parsed.external_id).first()
        if found:
            return found
    return Article.objects.filter(content_hash=digest).first()


@transaction.atomic
def article_ingest(
    *, parsed: ParsedArticle, source_name: str = "", cache: IngestCache | None = None
) -> tuple[Article, IngestStatus]:
    """Store an article and what the engine finds in it; the same input twice adds nothing.

    Changed text keeps the earlier version as an ArticleRevision and re-extracts, keeping
    statements an editor has reviewed.
    """
    digest = content_hash(parsed.text)
    article = _existing_article(parsed, digest)
    if article and article.content_hash == digest:
        return article, IngestStatus.UNCHANGED
    name = source_name or parsed.source_name or nlp.find_byline_source(parsed.text)
    source = source_get_or_create(name=name, cache=cache)
    fields = {
        "source": source,
        "url": parsed.url or (article.url if article else ""),
        "external_id": parsed.external_id,
        "title": parsed.title[:1000],
        "kicker": parsed.kicker[:1000],
        "lead": parsed.lead,
        "news_code": parsed.news_code,
        "published_at": parsed.published,
        "text": parsed.text,
        "normalized_text": nlp.normalize(parsed.text),
        "content_hash": digest,
    }
    if article is None:
        article = Article.objects.create(**fields)
        status = IngestStatus.NEW
    else:
        ArticleRevision.objects.create(
            article=article, title=article.title, text=article.text,
            content_hash=article.content_hash,
        )
        for key, value in fields.items():
            setattr(article, key, value)
        article.save()
        status = IngestStatus.UPDATED
    statements_extract(article=article, cache=cache)
    return article, status


def _remap_reviewed_statements(article: Article) -> set[tuple[int, int]]:
    """Move reviewed statements to where their quote now stands; returns the spans kept."""
    kept = set()
    for statement in article.statements.exclude(review_status=ReviewStatus.PENDING):
        position = article.text.find(statement.quote)
        if position >= 0:
            statement.start, statement.end = position, position + len(statement.quote)
            statement.save(update_fields=["start", "end", "updated_at"])
            kept.add((statement.start, statement.end))
    return kept


def statements_extract(*, article: Article, cache: IngestCache | None = None) -> list[Statement]:
    """Replace the machine's unreviewed statements of ``article`` with a fresh extraction."""
    cache = cache or IngestCache()
    old_pending = article.statements.filter(review_status=ReviewStatus.PENDING)
    orphan_candidates = set(
        Claim.objects.filter(appearances__statement__in=old_pending).values_list("id", flat=True)
    )
    old_pending.delete()
    kept_spans = _remap_reviewed_statements(article)

    extracted = [s for s in nlp.extract_statements(article.text) if (s.start, s.end) not in kept_spans]
    statements = []
    for item in extracted:
        speaker = speaker_resolve(
            name=item.speaker, role=item.role or "", mention_name=item.mention_name,
            is_organisation=item.speaker_is_organisation, seen_at=article.published_at, cache=cache,
        ) if item.speaker else None
        statements.append(
            Statement(
                article=article, speaker=speaker, speaker_mention=(item.speaker_mention or "")[:500],
                role=(item.role or "")[:500], start=item.start, end=item.end, quote=item.quote,
                kind=item.kind, cue=item.cue[:100], location=item.location,
                confidence=item.confidence,
            )
        )
    Statement.objects.bulk_create(statements)
    _claims_store(article=article, statements=statements)
    if orphan_candidates:
        Claim.objects.filter(id__in=orphan_candidates, appearances__isnull=True).delete()
    return statements


def _claims_store(*, article: Article, statements: list[Statement]) -> None:
    """Split statements into claims; a claim already known for the speaker gains an appearance."""
    pending: list[tuple[Statement, nlp.ClaimCandidate, str]] = []
    for statement in statements:
        for candidate in nlp.split_claims(article.text, statement.start, statement.end):
            pending.append((statement, candidate, claim_fingerprint(candidate.text)))
    if not pending:
        return
    fingerprints = {fp for _, _, fp in pending}
    existing = {
        (c.speaker_id, c.fingerprint): c
        for c in Claim.objects.filter(fingerprint__in=fingerprints)
    }
    new_claims: dict[tuple[int | None, str], Claim] = {}
    for statement, candidate, fp in pending:
        key = (statement.speaker_id, fp)
        if key not in existing and key not in new_claims:
            new_claims[key] = Claim(
                speaker_id=statement.speaker_id, text=candidate.text, fingerprint=fp,
                claim_type=candidate.claim_type, check_worthiness=candidate.check_worthiness,
                worthiness_reasons=list(candidate.reasons), first_seen_at=article.published_at,
            )
    Claim.objects.bulk_create(new_claims.values())
    existing.update(new_claims)
    appearances = []
    seen = set()
    for statement, candidate, fp in pending:
        claim = existing[(statement.speaker_id, fp)]
        if (claim.pk, statement.pk, candidate.start) in seen:
            continue
        seen.add((claim.pk, statement.pk, candidate.start))
        appearances.append(
            ClaimAppearance(claim=claim, statement=statement, start=candidate.start, end=candidate.end)
        )
        if article.published_at and (
            claim.first_seen_at is None or article.published_at < claim.first_seen_at
        ):
            claim.first_seen_at = article.published_at
            claim.save(update_fields=["first_seen_at"])
    ClaimAppearance.objects.bulk_create(appearances, ignore_conflicts=True)


def speaker_resolve(
    *,
    name: str,
    role: str = "",
    mention_name: str = "",
    is_organisation: bool = False,
    seen_at: datetime | None = None,
    cache: IngestCache | None = None,
) -> Speaker:
    """The Speaker for a name found in an article, created when new; records alias and role.

    One person under different spellings (``زارعپور``, ``زارع‌پور``) is one speaker; a lone
    surname joins an existing speaker only when exactly one known speaker has that surname,
    so two people who share a surname are never merged.
    """
    cache = cache or IngestCache()
    display = canonical_name(name)
    key = nlp.fold_key(display)
    speaker = cache.speakers.get(key) or _speaker_lookup(display, key)
    if speaker is None:
        speaker = Speaker.objects.create(
            name=display, name_key=key,
            kind=SpeakerKind.ORGANISATION if is_organisation else SpeakerKind.PERSON,
        )
    cache.speakers[key] = speaker
    for alias in {display, canonical_name(mention_name)} - {""}:
        alias_key = nlp.fold_key(alias)
        cache_key = f"alias:{speaker.pk}:{alias_key}"
        if cache_key not in cache.speakers:
            SpeakerAlias.objects.get_or_create(speaker=speaker, name_key=alias_key, defaults={"name": alias})
            cache.speakers[cache_key] = speaker
    if role and nlp.fold_key(role) != key:
        _speaker_role_record(speaker=speaker, role=role, seen_at=seen_at)
    return speaker


def _speaker_lookup(display: str, key: str) -> Speaker | None:
    found = Speaker.objects.filter(Q(name_key=key) | Q(aliases__name_key=key)).distinct().first()
    if found or len(name_words(display)) != 1:
        return found
    surname = name_words(display)[0]
    candidates = [
        s for s in Speaker.objects.filter(name_key__endswith=key)
        if name_words(s.name) and name_words(s.name)[-1] == surname
    ]
    return candidates[0] if len(candidates) == 1 else None


def _speaker_role_record(*, speaker: Speaker, role: str, seen_at: datetime | None) -> None:
    title_key = nlp.fold_key(role)
    record, created = SpeakerRole.objects.get_or_create(
        speaker=speaker, title_key=title_key,
        defaults={"title": role[:500], "first_seen": seen_at, "last_seen": seen_at},
    )
    if created or seen_at is None:
        return
    changed = False
    if record.first_seen is None or seen_at < record.first_seen:
        record.first_seen, changed = seen_at, True
    if record.last_seen is None or seen_at > record.last_seen:
        record.last_seen, changed = seen_at, True
    if changed:
        record.save(update_fields=["first_seen", "last_seen"])
