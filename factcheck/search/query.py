"""Run a search: one executor for the page and the API (query, filters, facets, snippets)."""

import contextlib
import threading
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from whoosh import query as q
from whoosh import sorting
from whoosh.highlight import ContextFragmenter, HtmlFormatter, highlight
from whoosh.qparser import MultifieldParser, OrGroup

from .analysis import persian_analyzer, prepare_query
from .index import TYPES, SearchUnavailable, epoch_minutes, index_dir, open_index

FACETS = ("type", "speaker_id", "source_id", "rating")
TEXT_FIELDS = ("title", "text", "body", "speaker")


def _without_positions(query: q.Query) -> q.Query:
    """A quoted phrase on ``body`` (indexed without positions) asks for all of its words."""
    if isinstance(query, q.Phrase) and query.fieldname == "body":
        return q.And([q.Term("body", word) for word in query.words])
    if query.is_leaf():
        return query
    return query.apply(_without_positions)


@dataclass(frozen=True)
class Hit:
    type: str
    obj_id: int
    score: float


@dataclass
class Results:
    count: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    terms: frozenset[str] = frozenset()  # the index terms the query matched on


def snippet(text: str, terms: frozenset[str], *, chars: int = 240) -> str:
    """HTML: the best passage of ``text`` with the matched words in <mark>, text escaped."""
    if not text:
        return ""
    fragmenter = ContextFragmenter(maxchars=chars, surround=60)
    formatter = HtmlFormatter(tagname="mark", classname="hit", termclass="t")
    found = highlight(text, terms, persian_analyzer(), fragmenter, formatter, top=2)
    return found or escape(text[:chars])


_local = threading.local()


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


def search(
    text: str,
    *,
    types: list[str] | None = None,
    speaker: int | None = None,
    source: int | None = None,
    rating: str | None = None,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    page: int = 1,
    page_size: int = 20,
) -> Results:
    """The page of hits for ``text`` with facet counts over all matches.

    Raises SearchUnavailable when the index is missing or damaged.
    """
    try:
        searcher = _searcher()
        parser = MultifieldParser(list(TEXT_FIELDS), searcher.schema, group=OrGroup.factory(0.9))
        parsed = _without_positions(parser.parse(prepare_query(text)))
        filters = []
        if types:
            filters.append(q.Or([q.Term("type", t) for t in types if t in TYPES]))
        if speaker:
            filters.append(q.Term("speaker_id", str(speaker)))
        if source:
            filters.append(q.Term("source_id", str(source)))
        if rating:
            filters.append(q.Term("rating", rating))
        if date_from or date_to:
            filters.append(
                q.NumericRange(
                    "date",
                    epoch_minutes(date_from) if date_from else None,
                    epoch_minutes(date_to) if date_to else None,
                )
            )
        wanted = q.And(filters) if filters else None
        page_size = max(1, min(page_size, 100))
        hits = searcher.search(
            parsed,
            filter=wanted,
            limit=page * page_size,
            groupedby=[sorting.FieldFacet(name) for name in FACETS],
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
                str(key): len(ids) for key, ids in groups.items() if key not in (None, "", b"")
            }
        for hit in list(hits)[(page - 1) * page_size : page * page_size]:
            results.hits.append(
                Hit(type=hit["type"], obj_id=hit["obj_id"], score=round(hit.score, 4))
            )
        return results
    except SearchUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged segment must not break the page
        raise SearchUnavailable(f"search failed ({type(error).__name__})") from error
