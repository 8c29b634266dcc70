"""Workflows that write: storing an ingested article with its statements, speakers and claims.

Each public function is one transaction; the NLP layer gives plain dataclasses and only this
module turns them into rows.
"""

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.db import IntegrityError, transaction
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
    """Rows reused across one batch, so a speaker seen in many articles costs one lookup, and
    rows waiting for :meth:`flush`, so many articles cost one insert per table.

    :meth:`preload` reads the keys of every speaker and article once; after it, a name or an
    article missing from the cache is known to be new and costs no query, and a new speaker
    waits for the flush too. Speakers are keyed by ``name_key``, which a speaker has before
    it is saved.
    """

    sources: dict[str, Source] = field(default_factory=dict)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    alias_keys: dict[str, set[str]] = field(default_factory=dict)
    roles: dict[str, dict[str, SpeakerRole]] = field(default_factory=dict)
    preloaded: bool = False
    # Any name or alias key -> the name_key of its speaker; surname key -> name_keys.
    speaker_keys: dict[str, str] = field(default_factory=dict)
    speaker_keys_by_surname: dict[str, set[str]] = field(default_factory=dict)
    article_keys: set[str] = field(default_factory=set)
    # Rows waiting for :meth:`flush`: one insert per table for all the articles of a commit
    # (each insert costs Django and the database far more than a row).
    new_articles: list[Article] = field(default_factory=list)
    new_speakers: list[Speaker] = field(default_factory=list)
    new_aliases: list[SpeakerAlias] = field(default_factory=list)
    new_roles: list[SpeakerRole] = field(default_factory=list)
    widened_roles: dict[int, SpeakerRole] = field(default_factory=dict)
    new_statements: list[Statement] = field(default_factory=list)
    new_claims: list[tuple[Statement, nlp.ClaimCandidate]] = field(default_factory=list)

    @classmethod
    def preload(cls) -> "IngestCache":
        cache = cls(preloaded=True)
        name_keys = {}
        for pk, key, surname in Speaker.objects.values_list("pk", "name_key", "surname_key"):
            name_keys[pk] = key
            cache.speaker_keys[key] = key
            cache.speaker_keys_by_surname.setdefault(surname, set()).add(key)
        for speaker_id, key in SpeakerAlias.objects.values_list("speaker_id", "name_key"):
            cache.speaker_keys.setdefault(key, name_keys[speaker_id])
        for url, external_id, digest in Article.objects.values_list(
            "url", "external_id", "content_hash"
        ):
            cache.article_keys.update((f"u:{url}", f"e:{external_id}", f"h:{digest}"))
        return cache

    def may_hold_article(self, parsed: ParsedArticle, digest: str) -> bool:
        if not self.preloaded:
            return True
        keys = {f"h:{digest}"}
        if parsed.url:
            keys.add(f"u:{parsed.url}")
        if parsed.external_id:
            keys.add(f"e:{parsed.external_id}")
        return bool(keys & self.article_keys)

    def remember_article(self, article: Article) -> None:
        if self.preloaded:
            self.article_keys.update(
                (f"u:{article.url}", f"e:{article.external_id}", f"h:{article.content_hash}")
            )

    def flush(self) -> None:
        """Write the rows waiting here: the articles stored since the last flush with their
        statements and claims, and the speakers, aliases and roles that speaker resolution
        recorded."""
        if self.new_articles:
            Article.objects.bulk_create(self.new_articles)
        if self.new_speakers:
            Speaker.objects.bulk_create(self.new_speakers)
            Speaker.history.bulk_history_create(self.new_speakers)
        if self.new_aliases:
            SpeakerAlias.objects.bulk_create(self.new_aliases, ignore_conflicts=True)
        if self.new_roles:
            SpeakerRole.objects.bulk_create(self.new_roles)
        if self.widened_roles:
            SpeakerRole.objects.bulk_update(
                self.widened_roles.values(), ["first_seen", "last_seen"]
            )
        if self.new_statements:
            Statement.objects.bulk_create(self.new_statements)
        if self.new_claims:
            _claims_store(self.new_claims)
        self.new_articles, self.new_speakers, self.new_aliases = [], [], []
        self.new_roles, self.widened_roles = [], {}
        self.new_statements, self.new_claims = [], []

    def remember_speaker(self, speaker: Speaker, *keys: str) -> None:
        if self.preloaded:
            for key in keys:
                self.speaker_keys.setdefault(key, speaker.name_key)
            self.speaker_keys_by_surname.setdefault(speaker.surname_key, set()).add(
                speaker.name_key
            )

    def add_new_speaker(self, key: str, speaker: Speaker) -> None:
        """A speaker just created (or waiting for the flush): it has no aliases or roles."""
        self.speakers[key] = speaker
        self.alias_keys[speaker.name_key] = set()
        self.roles[speaker.name_key] = {}
        self.remember_speaker(speaker, key)


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
    """The stored article this input is a version of: same URL, same record id, or same text."""
    match = Q(content_hash=digest)
    if parsed.url:
        match |= Q(url=parsed.url)
    if parsed.external_id:
        match |= Q(external_id=parsed.external_id)
    found = list(Article.objects.filter(match).order_by("pk")[:5])
    for wanted in (
        lambda a: parsed.url and a.url == parsed.url,
        lambda a: parsed.external_id and a.external_id == parsed.external_id,
        lambda a: a.content_hash == digest,
    ):
        for article in found:
            if wanted(article):
                return article
    return None


def article_ingest(
    *,
    parsed: ParsedArticle,
    source_name: str = "",
    cache: IngestCache | None = None,
    analysis: nlp.ArticleAnalysis | None = None,
) -> tuple[Article, IngestStatus]:
    """Store an article and what the engine finds in it; the same input twice adds nothing.

    Changed text keeps the earlier version as an ArticleRevision and re-extracts, keeping
    statements an editor has reviewed. ``analysis`` is the NLP result for ``parsed.text``
    when it was computed elsewhere (a worker process); otherwise it is computed here.
    """
    return articles_ingest(
        [(parsed, analysis)], source_name=source_name, cache=cache or IngestCache()
    )[0]


@transaction.atomic
def articles_ingest(
    items: Iterable[tuple[ParsedArticle, nlp.ArticleAnalysis | None]],
    *,
    source_name: str = "",
    cache: IngestCache,
) -> list[tuple[Article, IngestStatus]]:
    """Store several articles as :func:`article_ingest` does, in one transaction; their rows
    wait in the cache and are written together at the end, one insert per table."""
    stored = [
        _article_store(parsed=parsed, source_name=source_name, cache=cache, analysis=analysis)
        for parsed, analysis in items
    ]
    cache.flush()
    return stored


def _article_store(
    *,
    parsed: ParsedArticle,
    source_name: str,
    cache: IngestCache,
    analysis: nlp.ArticleAnalysis | None,
) -> tuple[Article, IngestStatus]:
    digest = content_hash(parsed.text)
    article = None
    if cache.may_hold_article(parsed, digest):
        cache.flush()  # an earlier version may be waiting there
        article = _existing_article(parsed, digest)
    if article and article.content_hash == digest:
        return article, IngestStatus.UNCHANGED
    analysis = analysis or nlp.analyse_article(parsed.text)
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
        "normalized_text": analysis.normalized_text,
        "content_hash": digest,
    }
    if article is None:
        article = Article(**fields)
        if cache.preloaded:
            # Ingest's cache; signal-driven indexing is paused there, so a bulk insert,
            # which sends no post_save, loses nothing.
            cache.new_articles.append(article)
        else:
            article.save()
        status = IngestStatus.NEW
    else:
        ArticleRevision.objects.create(
            article=article,
            title=article.title,
            text=article.text,
            content_hash=article.content_hash,
        )
        for key, value in fields.items():
            setattr(article, key, value)
        article.save()
        status = IngestStatus.UPDATED
    cache.remember_article(article)
    statements_extract(
        article=article, cache=cache, fresh=status == IngestStatus.NEW, analysis=analysis
    )
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


def statements_extract(
    *,
    article: Article,
    cache: IngestCache | None = None,
    fresh: bool = False,
    analysis: nlp.ArticleAnalysis | None = None,
) -> list[Statement]:
    """Replace the machine's unreviewed statements of ``article`` with a fresh extraction.

    ``fresh`` says the article was just created, so there is nothing old to replace: its rows
    may wait in a given ``cache`` for the caller's flush. The statements are returned unsaved
    until then.
    """
    owns_cache = cache is None
    cache = cache or IngestCache()
    orphan_candidates: set[int] = set()
    kept_spans: set[tuple[int, int]] = set()
    if not fresh:
        # Old rows are read and replaced here: every row waiting in the cache goes in first,
        # and this article's own rows before its orphaned claims are looked for.
        cache.flush()
        old_pending = article.statements.filter(review_status=ReviewStatus.PENDING)
        orphan_candidates = set(
            Claim.objects.filter(appearances__statement__in=old_pending).values_list(
                "id", flat=True
            )
        )
        old_pending.delete()
        kept_spans = _remap_reviewed_statements(article)

    analysis = analysis or nlp.analyse_article(article.text)
    extracted = [
        (item, claims)
        for item, claims in zip(analysis.statements, analysis.claims, strict=True)
        if (item.start, item.end) not in kept_spans
    ]
    statements = []
    resolved: dict[tuple[str, str, str], Speaker] = {}
    _speakers_create_new([item for item, _ in extracted], cache)
    for item, _ in extracted:
        speaker = None
        if item.speaker:
            key = (item.speaker, item.role or "", item.mention_name)
            if key not in resolved:
                resolved[key] = speaker_resolve(
                    name=item.speaker,
                    role=item.role or "",
                    mention_name=item.mention_name,
                    is_organisation=item.speaker_is_organisation,
                    seen_at=article.published_at,
                    cache=cache,
                )
            speaker = resolved[key]
        statements.append(
            Statement(
                article=article,
                speaker=speaker,
                speaker_mention=(item.speaker_mention or "")[:500],
                role=(item.role or "")[:500],
                start=item.start,
                end=item.end,
                quote=item.quote,
                kind=item.kind,
                cue=item.cue[:100],
                location=item.location,
                confidence=item.confidence,
            )
        )
    cache.new_statements.extend(statements)
    for statement, (_, claims) in zip(statements, extracted, strict=True):
        cache.new_claims.extend((statement, candidate) for candidate in claims)
    if owns_cache or not fresh:
        cache.flush()
    if orphan_candidates:
        claims_drop_orphans(orphan_candidates)
    return statements


@dataclass
class ReextractReport:
    """What running the engine again over stored articles did."""

    articles: list[int] = field(default_factory=list)  # re-extracted, by id
    before: int = 0  # machine statements replaced
    after: int = 0  # machine statements found now
    reviewed_kept: int = 0
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"re-extracted {len(self.articles)} articles: {self.after} statements found "
            f"(replacing {self.before}), {self.reviewed_kept} reviewed by an editor kept; "
            f"failed {len(self.failed)}"
        )


def articles_reextract(
    articles: Iterable[Article],
    *,
    on_error: Callable[[str], None] = lambda message: None,
) -> ReextractReport:
    """Run the current engine again over stored articles, after it or its model changed.

    Each article's unreviewed statements are replaced by what the engine finds now (their
    claims go too, unless an editor attached anything to them); statements an editor has
    reviewed stay as they are. One transaction per article: one that fails is left as it was,
    named through ``on_error``, and the rest go on.
    """
    report = ReextractReport()
    for article in articles:
        try:
            with transaction.atomic():
                pending = article.statements.filter(review_status=ReviewStatus.PENDING)
                before = pending.count()
                kept = article.statements.exclude(review_status=ReviewStatus.PENDING).count()
                found = statements_extract(article=article)
        except Exception as error:  # noqa: BLE001 - named, counted, and the batch goes on
            message = f"article {article.pk} ({article.url or article.title[:60]}): {error}"
            report.failed.append(message)
            on_error(message)
            continue
        report.articles.append(article.pk)
        report.before += before
        report.after += len(found)
        report.reviewed_kept += kept
    return report


def claims_drop_orphans(claim_ids: Iterable[int]) -> None:
    """Delete claims left with no appearance, unless an editor attached anything to them."""
    Claim.objects.filter(
        pk__in=list(claim_ids),
        appearances__isnull=True,
        verdicts__isnull=True,
        evidence__isnull=True,
        check_worthy__isnull=True,
        assignee__isnull=True,
    ).delete()


def _claims_store(candidates: list[tuple[Statement, nlp.ClaimCandidate]]) -> None:
    """Store the claims of saved statements, article after article in the order given; a
    claim already known for the speaker gains an appearance."""
    pending = [
        (statement, candidate, claim_fingerprint(candidate.text))
        for statement, candidate in candidates
    ]
    # Every claim with one of these fingerprints, by fingerprint and speaker: those stored
    # and those created below for an earlier article.
    known: dict[str, dict[int | None, Claim]] = defaultdict(dict)
    for claim in Claim.objects.filter(fingerprint__in={fp for _, _, fp in pending}):
        known[claim.fingerprint][claim.speaker_id] = claim
    new_claims: list[Claim] = []
    moved_earlier: dict[int, Claim] = {}
    for _, items in itertools.groupby(pending, key=lambda item: item[0].article_id):
        items = list(items)
        published = items[0][0].article.published_at
        if published:
            # An article seen before a claim's first sighting moves it earlier: every claim
            # sharing one of its fingerprints, whoever said it.
            for fp in {fp for _, _, fp in items}:
                for claim in known[fp].values():
                    if claim.first_seen_at is None or published < claim.first_seen_at:
                        claim.first_seen_at = published
                        if claim.pk is not None:
                            moved_earlier[claim.pk] = claim
        for statement, candidate, fp in items:
            if statement.speaker_id not in known[fp]:
                claim = Claim(
                    speaker_id=statement.speaker_id,
                    text=candidate.text,
                    fingerprint=fp,
                    claim_type=candidate.claim_type,
                    check_worthiness=candidate.check_worthiness,
                    worthiness_reasons=list(candidate.reasons),
                    first_seen_at=published,
                )
                known[fp][statement.speaker_id] = claim
                new_claims.append(claim)
    Claim.objects.bulk_create(new_claims)
    if moved_earlier:
        Claim.objects.bulk_update(moved_earlier.values(), ["first_seen_at"])
    appearances = {}
    for statement, candidate, fp in pending:
        claim = known[fp][statement.speaker_id]
        appearances[(claim.pk, statement.pk, candidate.start)] = ClaimAppearance(
            claim=claim, statement=statement, start=candidate.start, end=candidate.end
        )
    ClaimAppearance.objects.bulk_create(appearances.values(), ignore_conflicts=True)


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
    owns_cache = cache is None
    cache = cache or IngestCache()
    display = canonical_name(name)
    key = nlp.fold_key(display)
    speaker = cache.speakers.get(key)
    if speaker is None:
        speaker = _speaker_lookup(display, key, cache)
        if speaker is not None:
            cache.speakers[key] = speaker
            cache.remember_speaker(speaker, key)
        else:
            speaker = _speaker_create(display, key, is_organisation, cache)
            cache.add_new_speaker(key, speaker)
    _speaker_aliases_record(
        speaker=speaker, names=(display, canonical_name(mention_name)), cache=cache
    )
    if role and nlp.fold_key(role) != key:
        _speaker_role_record(speaker=speaker, role=role, seen_at=seen_at, cache=cache)
    if owns_cache:
        cache.flush()
    return speaker


def _speakers_create_new(items: list[nlp.ExtractedStatement], cache: IngestCache) -> None:
    """Create in one insert the speakers of an article that no lookup finds (with a preloaded
    cache: queue them for its flush).

    Only full names (two words or more): whether a lone surname is someone known depends on
    who exists, so :func:`speaker_resolve` settles those one at a time, after these.
    """
    new: dict[str, Speaker] = {}
    for item in items:
        display = canonical_name(item.speaker) if item.speaker else ""
        key = nlp.fold_key(display)
        if not key or key in cache.speakers or key in new or len(name_words(display)) < 2:
            continue
        found = _speaker_lookup(display, key, cache)
        if found is not None:
            cache.speakers[key] = found
            cache.remember_speaker(found, key)
            continue
        new[key] = _speaker_row(display, key, item.speaker_is_organisation)
    if not new:
        return
    if cache.preloaded:
        cache.new_speakers.extend(new.values())
    else:
        try:
            with transaction.atomic():
                Speaker.objects.bulk_create(new.values())
        except IntegrityError:
            return  # another process created one of them: speaker_resolve takes them one by one
        Speaker.history.bulk_history_create(list(new.values()))
    for key, speaker in new.items():
        cache.add_new_speaker(key, speaker)


def _speaker_create(display: str, key: str, is_organisation: bool, cache: IngestCache) -> Speaker:
    """A new speaker; if another process created it a moment ago, that one.

    With a preloaded cache it is only queued for the cache's flush: if another process
    created it meanwhile, that flush fails and ingest stores the group again with a fresh
    cache, which knows it.
    """
    if cache.preloaded:
        speaker = _speaker_row(display, key, is_organisation)
        cache.new_speakers.append(speaker)
        return speaker
    try:
        with transaction.atomic():
            speaker = _speaker_row(display, key, is_organisation)
            speaker.save()
            return speaker
    except IntegrityError:
        return Speaker.objects.get(name_key=key)


def _speaker_row(display: str, key: str, is_organisation: bool) -> Speaker:
    words = name_words(display)
    return Speaker(
        name=display,
        name_key=key,
        surname_key=nlp.fold_key(words[-1]) if words else "",
        kind=SpeakerKind.ORGANISATION if is_organisation else SpeakerKind.PERSON,
    )


def _speaker_lookup(display: str, key: str, cache: IngestCache) -> Speaker | None:
    if cache.preloaded:
        return _speaker_lookup_cached(display, key, cache)
    aliased = SpeakerAlias.objects.filter(name_key=key).values("speaker_id")
    found = Speaker.objects.filter(Q(name_key=key) | Q(pk__in=aliased)).order_by("pk").first()
    if found or len(name_words(display)) != 1:
        return found
    candidates = list(Speaker.objects.filter(surname_key=key).exclude(name_key=key)[:2])
    return candidates[0] if len(candidates) == 1 else None


def _speaker_lookup_cached(display: str, key: str, cache: IngestCache) -> Speaker | None:
    name_key = cache.speaker_keys.get(key)
    if name_key is None and len(name_words(display)) == 1:
        same_surname = cache.speaker_keys_by_surname.get(key, set())
        if len(same_surname) == 1:
            name_key = next(iter(same_surname))
    if name_key is None:
        return None
    # A speaker created in this batch may still wait for the flush.
    return cache.speakers.get(name_key) or Speaker.objects.get(name_key=name_key)


def _speaker_aliases_record(
    *, speaker: Speaker, names: tuple[str, ...], cache: IngestCache
) -> None:
    known = cache.alias_keys.get(speaker.name_key)
    if known is None:
        known = set(speaker.aliases.values_list("name_key", flat=True))
        cache.alias_keys[speaker.name_key] = known
    for alias in names:
        alias_key = nlp.fold_key(alias)
        if alias and alias_key not in known:
            cache.new_aliases.append(
                SpeakerAlias(speaker=speaker, name=alias[:300], name_key=alias_key)
            )
            known.add(alias_key)


def _speaker_role_record(
    *, speaker: Speaker, role: str, seen_at: datetime | None, cache: IngestCache
) -> None:
    """Record that ``speaker`` held ``role`` at ``seen_at``, widening the dates it was seen."""
    roles = cache.roles.get(speaker.name_key)
    if roles is None:
        roles = {r.title_key: r for r in speaker.roles.all()}
        cache.roles[speaker.name_key] = roles
    title_key = nlp.fold_key(role)[:500]
    record = roles.get(title_key)
    if record is None:
        roles[title_key] = SpeakerRole(
            speaker=speaker,
            title=role[:500],
            title_key=title_key,
            first_seen=seen_at,
            last_seen=seen_at,
        )
        cache.new_roles.append(roles[title_key])
        return
    if seen_at is None:
        return
    changed = False
    if record.first_seen is None or seen_at < record.first_seen:
        record.first_seen, changed = seen_at, True
    if record.last_seen is None or seen_at > record.last_seen:
        record.last_seen, changed = seen_at, True
    if changed and record.pk is not None:
        cache.widened_roles[record.pk] = record  # a new row carries its dates already
