"""Persian NLP over plain ``str``: normalisation, statement extraction, speaker resolution, claims.

Imports hazm, never Django. Every offset this package returns indexes the text as given.
"""

from .analysis import ArticleAnalysis, analyse_article
from .claims import ClaimCandidate, split_claims
from .extractor import ExtractedStatement, extract_statements, find_byline_source
from .text import fold_key, normalize

__all__ = [
    "ArticleAnalysis",
    "analyse_article",
    "ClaimCandidate",
    "ExtractedStatement",
    "extract_statements",
    "find_byline_source",
    "fold_key",
    "normalize",
    "split_claims",
]
