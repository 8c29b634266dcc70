"""Run a search: one executor for the page and the API (query, filters, facets, snippets),
whichever backend (Whoosh or PostgreSQL) holds the index."""

from datetime import datetime
from html import escape

from whoosh.highlight import ContextFragmenter, HtmlFormatter, highlight

from . import backends
from .analysis import persian_analyzer
from .base import FACETS, Hit, Results, SearchUnavailable  # noqa: F401 - the executor's types


def snippet(text: str, terms: frozenset[str], *, chars: int = 240) -> str:
    """HTML: the best passage of ``text`` with the matched words in <mark>, text escaped."""
    if not text:
        return ""
    fragmenter = ContextFragmenter(maxchars=chars, surround=60)
    formatter = HtmlFormatter(tagname="mark", classname="hit", termclass="t")
    found = highlight(text, terms, persian_analyzer(), fragmenter, formatter, top=2)
    return found or escape(text[:chars])


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
    return backends.current().search(
        text,
        types=types,
        speaker=speaker,
        source=source,
        rating=rating,
        date_from=date_from,
        date_to=date_to,
        page=max(1, page),
        page_size=max(1, min(page_size, 100)),
    )
