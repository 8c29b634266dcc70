"""What every search backend shares: the searchable document, hits and results, the error."""

from dataclasses import dataclass, field
from datetime import datetime

TYPES = ("claim", "statement", "article", "speaker")
# Counted over all matches of a query, whatever page is shown.
FACETS = ("type", "speaker_id", "source_id", "rating")


MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class SearchRequest:
    """A query with its filters and page, as every backend receives it; the page is clamped
    here, once."""

    text: str
    types: tuple[str, ...] = ()  # empty: every type
    speaker: int | None = None
    source: int | None = None
    rating: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    page: int = 1
    page_size: int = 20

    def __post_init__(self) -> None:
        object.__setattr__(self, "types", tuple(sorted(set(self.types))))
        object.__setattr__(self, "page", max(1, self.page))
        object.__setattr__(self, "page_size", max(1, min(self.page_size, MAX_PAGE_SIZE)))

    @property
    def first(self) -> int:
        """Index of the page's first hit among all hits."""
        return (self.page - 1) * self.page_size

    @property
    def last(self) -> int:
        """Index just past the page's last hit."""
        return self.page * self.page_size


class SearchUnavailable(Exception):
    """The index is missing or unreadable; it needs `manage.py rebuild_index`."""


@dataclass(frozen=True)
class Document:
    """One searchable object, as a backend stores it."""

    type: str
    obj_id: int
    text: str
    title: str = ""
    speaker: str = ""
    speaker_id: int | None = None
    source_id: int | None = None
    rating: str = ""
    claim_type: str = ""
    date: datetime | None = None
    article_id: int | None = None

    # Text already normalised by hazm (an article's normalized_text); None: fold only.
    normalized: str | None = None

    @property
    def key(self) -> str:
        return f"{self.type}:{self.obj_id}"

    @property
    def searched_text(self) -> str:
        """The text to index: hazm's whole-text normalisation where ingest computed it."""
        return self.normalized if self.normalized is not None else self.text


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
