"""The Whoosh index under $FACTCHECK_DATA_DIR/search: schema, documents, writing.

Documents are keyed ``<type>:<id>`` (claim, statement, article, speaker). Writers wait for
the index lock instead of failing; an index that is missing or damaged raises
:class:`SearchUnavailable`, which pages and the API turn into "the index is being rebuilt".
"""

import logging
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from whoosh import index as whoosh_index
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.index import LockError
from whoosh.writing import AsyncWriter

from .analysis import persian_analyzer

log = logging.getLogger(__name__)


def _cache_missing_columns() -> None:
    """Whoosh-Reloaded 2.7.5 looks for a missing length column on disk once per posting
    while writing a segment (a stat() each time; 14 of 30 seconds of a rebuild) and never
    remembers that it is missing. Within one reader the answer cannot change, so remember it.
    """
    from whoosh.codec import whoosh3

    reader_class = whoosh3.W3PerDocReader
    if getattr(reader_class, "_factcheck_patched", False):
        return
    original = reader_class._cached_reader

    def cached_reader(self, fieldname, column):
        missing = self.__dict__.setdefault("_missing_columns", set())
        if fieldname in missing:
            return None
        reader = original(self, fieldname, column)
        if reader is None:
            missing.add(fieldname)
        return reader

    reader_class._cached_reader = cached_reader
    reader_class._factcheck_patched = True


_cache_missing_columns()

TYPES = ("claim", "statement", "article", "speaker")


class SearchUnavailable(Exception):
    """The index is missing or unreadable; it needs `manage.py rebuild_index`."""


def schema() -> Schema:
    analyzer = persian_analyzer()
    return Schema(
        key=ID(unique=True, stored=True),
        # Facet fields are columns (sortable), so counting them does not read every posting.
        type=ID(stored=True, sortable=True),
        obj_id=NUMERIC(stored=True, numtype=int, bits=64),
        title=TEXT(analyzer=analyzer, stored=True, field_boost=2.0),
        # Not stored: snippets are highlighted from the database's text, a page at a time.
        text=TEXT(analyzer=analyzer),
        speaker=TEXT(analyzer=analyzer, stored=True),
        speaker_id=ID(stored=True, sortable=True),
        source_id=ID(stored=True, sortable=True),
        article_id=ID(),  # statements: the article they belong to
        source=STORED(),
        rating=ID(stored=True, sortable=True),
        claim_type=ID(stored=True),
        # Whoosh drops tzinfo: dates are stored as naive UTC.
        date=DATETIME(stored=True),
        facets=KEYWORD(stored=False, commas=True),
    )


def index_dir() -> Path:
    return Path(settings.DATA_DIR) / "search"


def open_index(*, create: bool = False):
    """The index; ``create`` makes an empty one (replacing what is there)."""
    folder = index_dir()
    try:
        if create:
            # A rebuild starts from an empty folder: a damaged index may leave files behind.
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
            return whoosh_index.create_in(str(folder), schema())
        if not whoosh_index.exists_in(str(folder)):
            raise SearchUnavailable("the search index does not exist yet")
        return whoosh_index.open_dir(str(folder))
    except SearchUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - any damage means: rebuild
        log.warning("search index unusable: %s", error)
        raise SearchUnavailable(
            f"the search index is unreadable ({type(error).__name__})"
        ) from error


@contextmanager
def writer(*, wait_seconds: float = 30.0, bulk: bool = False, merge: bool = True) -> Iterator:
    """A writer that waits for another process's lock (up to ``wait_seconds``) and commits.

    ``bulk``: many documents at once (ingest, rebuild): analysed by several processes,
    each writing its own segment.
    """
    ix = open_index()
    deadline = time.monotonic() + wait_seconds
    options = {"limitmb": 512}
    # The processes are forked: only from a single-threaded process (not a threaded server).
    if bulk and (os.cpu_count() or 1) > 1 and threading.active_count() == 1:
        options.update(procs=os.cpu_count(), multisegment=True, limitmb=256)
    while True:
        try:
            # A large pool keeps a rebuild's postings in memory instead of spilling to disk.
            w = ix.writer(**options)
            break
        except LockError:
            if time.monotonic() > deadline:
                # Queue the change instead of failing: Whoosh applies it when the lock frees.
                w = AsyncWriter(ix)
                break
            time.sleep(0.05)
    try:
        yield w
    except BaseException:
        w.cancel()
        raise
    # merge=False: a one-document edit leaves segment merging to the next bulk write.
    w.commit(merge=merge)


@dataclass(frozen=True)
class Document:
    """One searchable object, as stored in the index."""

    type: str
    obj_id: int
    text: str
    title: str = ""
    speaker: str = ""
    speaker_id: int | None = None
    source_id: int | None = None
    source: str = ""
    rating: str = ""
    claim_type: str = ""
    date: datetime | None = None
    article_id: int | None = None

    # Text already normalised by hazm (an article's normalized_text); None: fold only.
    normalized: str | None = None

    @property
    def key(self) -> str:
        return f"{self.type}:{self.obj_id}"

    def fields(self) -> dict:
        date = self.date.astimezone(UTC).replace(tzinfo=None) if self.date else None
        facets = [f"type:{self.type}"]
        if self.speaker_id:
            facets.append(f"speaker:{self.speaker_id}")
        if self.source_id:
            facets.append(f"source:{self.source_id}")
        if self.rating:
            facets.append(f"rating:{self.rating}")
        values = {
            "key": self.key,
            "type": self.type,
            "obj_id": self.obj_id,
            "title": self.title,
            # The analyzer folds letters, digits and ZWNJ itself; hazm's whole-text
            # normalisation (spacing) is used where ingest already computed it.
            "text": self.normalized if self.normalized is not None else self.text,
            "speaker": self.speaker,
            "speaker_id": str(self.speaker_id or ""),
            "source_id": str(self.source_id or ""),
            "source": self.source,
            "article_id": str(self.article_id or ""),
            "rating": self.rating,
            "claim_type": self.claim_type,
            "facets": ",".join(facets),
        }
        if date:
            values["date"] = date
        return values
