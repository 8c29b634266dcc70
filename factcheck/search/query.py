"""Run a search: one executor for the page and the API (query, filters, facets, snippets),
whichever backend (Whoosh or PostgreSQL) holds the index."""

from html import escape

from whoosh.highlight import ContextFragmenter, HtmlFormatter, highlight

from . import backends
from .analysis import persian_analyzer
from .base import FACETS, Hit, Results, SearchRequest, SearchUnavailable  # noqa: F401


def snippet(text: str, terms: frozenset[str], *, chars: int = 240) -> str:
    """HTML: the best passage of ``text`` with the matched words in <mark>, text escaped."""
    if not text:
        return ""
    fragmenter = ContextFragmenter(maxchars=chars, surround=60)
    formatter = HtmlFormatter(tagname="mark", classname="hit", termclass="t")
    found = highlight(text, terms, persian_analyzer(), fragmenter, formatter, top=2)
    return found or escape(text[:chars])


def search(request: SearchRequest) -> Results:
    """The page of hits for the request with facet counts over all matches.

    Raises SearchUnavailable when the index is missing or damaged.
    """
    return backends.current().search(request)
