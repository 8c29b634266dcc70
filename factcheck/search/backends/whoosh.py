"""The Whoosh backend: an index on local disk under $FACTCHECK_DATA_DIR/search.

Whoosh allows one writer at a time; writers wait for the lock (factcheck.search.index).
"""

import contextlib
import logging
import threading
from collections.abc import Iterable

from whoosh import query as q
from whoosh import sorting
from whoosh.qparser import MultifieldParser, OrGroup

from ..analysis import prepare_query
from ..base import FACETS, TYPES, Document, Hit, Results, SearchRequest, SearchUnavailable
from ..index import document_fields, epoch_minutes, index_dir, open_index, writer

log = logging.getLogger(__name__)

TEXT_FIELDS = ("title", "text", "body", "speaker")
# Skipping the merge keeps an edit fast; every few edits merge the small segments.
MERGE_EVERY = 25

_local = threading.local()


def ready() -> None:
    open_index()


def write(
    documents: Iterable[Document],
    *,
    remove: Iterable[tuple[str, int]] = (),
    remove_articles: Iterable[int] = (),
    bulk: bool = False,
) -> int:
    if bulk:
        merge = True
    else:
        _local.edits = getattr(_local, "edits", 0) + 1
        merge = _local.edits % MERGE_EVERY == 0
    count = 0
    with writer(bulk=bulk, merge=merge) as w:
        for article_id in remove_articles:
            w.delete_by_term("article_id", str(article_id))
        for kind, pk in remove:
            w.delete_by_term("key", f"{kind}:{pk}")
        for document in documents:
            w.update_document(**document_fields(document))
            count += 1
    return count


def rebuild(documents: Iterable[Document]) -> tuple[int, int]:
    open_index(create=True)
    written = 0
    # One writer, one commit: each commit would merge the growing index again.
    with writer(bulk=True) as w:
        for document in documents:
            w.add_document(**document_fields(document))
            written += 1
    # Whoosh's parallel writer loses a failed part without a word: count what arrived.
    return written, open_index().doc_count()


def _without_positions(query: q.Query) -> q.Query:
    """A quoted phrase on ``body`` (indexed without positions) asks for all of its words."""
    if isinstance(query, q.Phrase) and query.fieldname == "body":
        return q.And([q.Term("body", word) for word in query.words])
    if query.is_leaf():
        return query
    return query.apply(_without_positions)


def _searcher():
    """This thread's searcher, reopened only when the index changed on disk.

    A warm searcher keeps Whoosh's caches (a first facet count costs ~200 ms, later ones a
    few); the newest table-of-contents file tells whether a writer committed since.
    """
    folder = index_dir()
    tocs = sorted(folder.glob("*.toc")) if folder.exists() else []
    stamp = (str(folder), tuple((t.name, t.stat().st_mtime_ns) for t in tocs[-1:]))
    cached = getattr(_local, "searcher", None)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    _local.searcher = None
    if cached is not None:
        with contextlib.suppress(Exception):  # an old searcher of a replaced index
            cached[1].close()
    searcher = open_index().searcher()
    _local.searcher = (stamp, searcher)
    return searcher


def search(request: SearchRequest) -> Results:
    try:
        searcher = _searcher()
        parser = MultifieldParser(list(TEXT_FIELDS), searcher.schema, group=OrGroup.factory(0.9))
        parsed = _without_positions(parser.parse(prepare_query(request.text)))
        filters = []
        if request.types:
            filters.append(q.Or([q.Term("type", t) for t in request.types if t in TYPES]))
        if request.speaker:
            filters.append(q.Term("speaker_id", str(request.speaker)))
        if request.source:
            filters.append(q.Term("source_id", str(request.source)))
        if request.rating:
            filters.append(q.Term("rating", request.rating))
        if request.date_from or request.date_to:
            filters.append(
                q.NumericRange(
                    "date",
                    epoch_minutes(request.date_from) if request.date_from else None,
                    epoch_minutes(request.date_to) if request.date_to else None,
                )
            )
        wanted = q.And(filters) if filters else None
        hits = searcher.search(
            parsed,
            filter=wanted,
            limit=request.last,
            groupedby=[sorting.FieldFacet(name, maptype=sorting.Count) for name in FACETS],
        )
        terms = frozenset(
            value.decode() if isinstance(value, bytes) else str(value)
            for fieldname, value in parsed.iter_all_terms()
            if fieldname in TEXT_FIELDS
        )
        results = Results(count=len(hits), terms=terms)
        for name in FACETS:
            groups = hits.groups(name)
            results.facets[name] = {
                str(key): count for key, count in groups.items() if key not in (None, "", b"")
            }
        for hit in list(hits)[request.first : request.last]:
            results.hits.append(
                Hit(type=hit["type"], obj_id=hit["obj_id"], score=round(hit.score, 4))
            )
        return results
    except SearchUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged segment must not break the page
        log.warning("search for %r failed: %r", request.text[:80], error)
        raise SearchUnavailable(f"search failed ({type(error).__name__})") from error
