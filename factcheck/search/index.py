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
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from whoosh import index as whoosh_index
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.index import LockError
from whoosh.writing import AsyncWriter

from .analysis import persian_analyzer
from .base import Document, SearchUnavailable

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


def schema() -> Schema:
    """What is indexed; only ``key``, ``type`` and ``obj_id`` are stored (hits are read back
    from the database). Every field here costs postings on each document: ingest indexes
    thirty thousand documents, so a field nothing queries is left out."""
    analyzer = persian_analyzer()
    return Schema(
        key=ID(unique=True, stored=True),
        # Facet fields are columns (sortable), so counting them does not read every posting.
        type=ID(stored=True, sortable=True),
        obj_id=STORED(),  # read from hits only: no index terms (a 64-bit NUMERIC adds 16)
        title=TEXT(analyzer=analyzer, field_boost=2.0),
        # Claims and speakers keep word positions, for quoted phrases; the long texts of
        # articles and statements do not (there a phrase matches all of its words).
        text=TEXT(analyzer=analyzer),
        body=TEXT(analyzer=analyzer, phrase=False),
        speaker=TEXT(analyzer=analyzer),
        speaker_id=ID(sortable=True),
        source_id=ID(sortable=True),
        article_id=ID(),  # statements: the article they belong to
        rating=ID(sortable=True),
        claim_type=ID(),
        # Minutes since 1970 (UTC), one term a document: Whoosh's DATETIME indexes eight
        # tiers of every date, which cost a quarter of indexing a claim.
        date=NUMERIC(int, bits=32, signed=False, shift_step=0),
    )


def epoch_minutes(moment: datetime) -> int:
    """How the index stores a date (a naive datetime is UTC), held to what 32 bits hold:
    a query for the year 15 asks for everything from 1970."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return min(max(int(aware.timestamp() // 60), 0), 2**32 - 1)


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
        ix = whoosh_index.open_dir(str(folder))
        if set(ix.schema.names()) != set(schema().names()):
            raise SearchUnavailable("the search index was built by an earlier version")
        return ix
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


def document_fields(document: Document) -> dict:
    """The index fields of one document."""
    text_field = "body" if document.type in {"article", "statement"} else "text"
    values = {
        "key": document.key,
        "type": document.type,
        "obj_id": document.obj_id,
        "title": document.title,
        # The analyzer folds letters, digits and ZWNJ itself; hazm's whole-text
        # normalisation (spacing) is used where ingest already computed it.
        text_field: document.searched_text,
        "speaker": document.speaker,
        "speaker_id": str(document.speaker_id or ""),
        "source_id": str(document.source_id or ""),
        "article_id": str(document.article_id or ""),
        "rating": document.rating,
        "claim_type": document.claim_type,
    }
    if document.date:
        values["date"] = epoch_minutes(document.date)
    # An empty field still costs Whoosh a pass over its machinery: leave it out.
    return {name: value for name, value in values.items() if value not in ("", None)}
