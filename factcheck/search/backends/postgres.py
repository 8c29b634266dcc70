"""The PostgreSQL backend: search documents in the database itself (factcheck.search.models).

PostgreSQL has no Persian dictionary, so each text is reduced to the project's own index
terms first (the Whoosh analyzer's folding: yeh/kaf, digits, ZWNJ, affixes, stopwords) and
those terms feed a tsvector under the `factcheck` configuration (a copy of `simple`). Title,
speaker and text are weighted A, B and C; hits are ranked by ts_rank. A query word that is
no index term at all is widened to its nearest index terms by trigram similarity (pg_trgm),
so a misspelt word still finds something. Any number of processes may write at once.
"""

import itertools
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
)
from django.db import DatabaseError, transaction
from django.db.models import Count, F

from articles.models import Article

from ..analysis import index_terms, prepare_query
from ..base import FACETS, TYPES, Document, Hit, Results, SearchRequest, SearchUnavailable
from ..models import SearchDocument, SearchTerm

log = logging.getLogger(__name__)

CONFIG = "factcheck"
VECTOR = (
    SearchVector("title", config=CONFIG, weight="A")
    + SearchVector("speaker", config=CONFIG, weight="B")
    + SearchVector("text", config=CONFIG, weight="C")
)
# ts_rank's weights for D, C, B, A: a title counts twice the text, as in the Whoosh schema.
WEIGHTS = [0.1, 0.5, 0.5, 1.0]
# ts_rank divides by 1 + log(length): a long article does not win by length alone.
NORMALIZATION = 1
BATCH = 500
# A tsvector holds at most 1 MB; an article's terms are cut well below that.
MAX_TEXT_CHARS = 300_000
NEAR_SPELLINGS = 3
# Words looked up for near spellings in one query (each lookup is one indexed query).
NEAR_LOOKUPS = 8
_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»')
_FIELDS = [f.name for f in SearchDocument._meta.fields if f.name not in {"id", "type", "obj_id"}]


def ready() -> None:
    """An empty table beside stored articles (a database that used Whoosh before) needs a
    rebuild; say so, as Whoosh does for a missing index."""
    if not SearchDocument.objects.exists() and Article.objects.exists():
        raise SearchUnavailable("the search index is empty")


def _joined(text: str, limit: int | None = None) -> str:
    return " ".join(index_terms(text[:limit] if limit else text))


def _row(document: Document) -> SearchDocument:
    return SearchDocument(
        type=document.type,
        obj_id=document.obj_id,
        title=_joined(document.title),
        text=_joined(document.searched_text, MAX_TEXT_CHARS),
        speaker=_joined(document.speaker),
        speaker_id=document.speaker_id,
        source_id=document.source_id,
        article_id=document.article_id,
        rating=document.rating,
        claim_type=document.claim_type,
        date=document.date,
    )


def _store(rows: list[SearchDocument]) -> None:
    saved = SearchDocument.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["type", "obj_id"], update_fields=_FIELDS
    )
    SearchDocument.objects.filter(pk__in=[row.pk for row in saved]).update(vector=VECTOR)
    words = {w for row in rows for w in f"{row.title} {row.speaker} {row.text}".split()}
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=w) for w in sorted(words) if len(w) <= 200],
        ignore_conflicts=True,
        batch_size=5000,
    )


def write(
    documents: Iterable[Document],
    *,
    remove: Iterable[tuple[str, int]] = (),
    remove_articles: Iterable[int] = (),
    bulk: bool = False,
) -> int:
    count = 0
    with transaction.atomic():
        if remove_articles := list(remove_articles):
            SearchDocument.objects.filter(type="statement", article_id__in=remove_articles).delete()
        removed = defaultdict(list)
        for kind, pk in remove:
            removed[kind].append(pk)
        for kind, pks in removed.items():
            SearchDocument.objects.filter(type=kind, obj_id__in=pks).delete()
        for batch in itertools.batched(documents, BATCH):
            _store([_row(document) for document in batch])
            count += len(batch)
    return count


def rebuild(documents: Iterable[Document]) -> tuple[int, int]:
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        written = write(documents, bulk=True)
    return written, SearchDocument.objects.count()


def _near_spellings(words: list[str]) -> dict[str, list[str]]:
    """For each word that is no index term (the first few), the index terms spelt most like it."""
    known = set(SearchTerm.objects.filter(word__in=words).values_list("word", flat=True))
    near = {}
    unknown = [w for w in dict.fromkeys(words) if w not in known and len(w) >= 3]
    for word in unknown[:NEAR_LOOKUPS]:
        near[word] = list(
            SearchTerm.objects.filter(word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)[:NEAR_SPELLINGS]
        )
    return near


def _quoted(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'"


def parse(text: str) -> tuple[str, frozenset[str]]:
    """(a tsquery, the index terms it asks for): any word matches, quoted phrases match in
    order, near spellings stand beside words the index does not hold."""
    phrases: list[list[str]] = []

    def take(match: re.Match) -> str:
        phrases.append(index_terms(prepare_query(match.group(1) or match.group(2) or "")))
        return " "

    words = index_terms(prepare_query(_PHRASE.sub(take, text)))
    near = _near_spellings(words) if words else {}
    parts, terms = [], set()
    for word in dict.fromkeys(words):
        alternatives = [word, *near.get(word, [])]
        terms.update(alternatives)
        parts.append(" | ".join(_quoted(w) for w in alternatives))
    for phrase in phrases:
        if phrase:
            terms.update(phrase)
            parts.append("(" + " <-> ".join(_quoted(w) for w in phrase) + ")")
    return " | ".join(parts), frozenset(terms)


def search(request: SearchRequest) -> Results:
    try:
        with transaction.atomic():
            return _search(request)
    except DatabaseError as error:
        log.warning("search for %r failed: %s", request.text[:80], error)
        raise SearchUnavailable(f"search failed ({type(error).__name__})") from error


def _utc(moment: datetime) -> datetime:
    """PostgreSQL refuses offsets beyond 15:59 (Python allows 23:59): compare in UTC."""
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # past the calendar's ends
        return (datetime.max if moment.year > 1 else datetime.min).replace(tzinfo=UTC)


def _search(request: SearchRequest) -> Results:
    ready()
    tsquery, terms = parse(request.text)
    if not tsquery:
        return Results(facets={name: {} for name in FACETS})
    query = SearchQuery(tsquery, config=CONFIG, search_type="raw")
    matches = SearchDocument.objects.filter(vector=query)
    if request.types:
        matches = matches.filter(type__in=[t for t in request.types if t in TYPES])
    if request.speaker:
        matches = matches.filter(speaker_id=request.speaker)
    if request.source:
        matches = matches.filter(source_id=request.source)
    if request.rating:
        matches = matches.filter(rating=request.rating)
    if request.date_from:
        matches = matches.filter(date__gte=_utc(request.date_from))
    if request.date_to:
        matches = matches.filter(date__lte=_utc(request.date_to))
    results = Results(terms=terms)
    for name in FACETS:
        counts = matches.values_list(name).annotate(n=Count("id")).order_by()
        results.facets[name] = {str(key): n for key, n in counts if key not in (None, "")}
    results.count = sum(results.facets["type"].values())
    ranked = (
        matches.annotate(
            rank=SearchRank(F("vector"), query, weights=WEIGHTS, normalization=NORMALIZATION)
        )
        .order_by("-rank", "type", "obj_id")
        .values_list("type", "obj_id", "rank")
    )
    for kind, obj_id, rank in ranked[request.first : request.last]:
        results.hits.append(Hit(type=kind, obj_id=obj_id, score=round(rank, 4)))
    return results
