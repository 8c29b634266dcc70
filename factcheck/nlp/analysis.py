"""Everything the NLP layer derives from one article, in one picklable value.

Ingest may compute it in a worker process while the main process writes rows.
"""

from dataclasses import dataclass

from .claims import ClaimCandidate, split_claims
from .extractor import ExtractedStatement, extract_statements
from .text import normalize


@dataclass(frozen=True)
class ArticleAnalysis:
    """The normalised text, the statements, and the claims of each statement (same order)."""

    normalized_text: str
    statements: tuple[ExtractedStatement, ...]
    claims: tuple[tuple[ClaimCandidate, ...], ...]


def analyse_article(text: str) -> ArticleAnalysis:
    """Normalise ``text``, find its statements and split each into claims."""
    statements = tuple(extract_statements(text))
    claims = tuple(tuple(split_claims(text, s.start, s.end, s.cue)) for s in statements)
    return ArticleAnalysis(normalize(text), statements, claims)
