"""Ingest a list of inputs (files, folders, URLs, feeds): what `manage.py ingest` and the
fetch tasks both run.

Articles are committed a few at a time, each group's rows (articles, speakers, statements,
claims...) written with one insert per table, and each article still all or nothing: a group
that fails is stored again one article per savepoint. Each group is read, fetched and
analysed before its transaction opens. The search index is not written here: the caller
indexes :attr:`IngestReport.stored` in one go (the command at once, the tasks on the search
queue), instead of once per saved row.
"""

import contextlib
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction

from articles.inputs import InputOptions, iter_inputs
from articles.parsed import IngestError, ParsedArticle

from .nlp import ArticleAnalysis
from .pipeline import analysed
from .search import sync
from .services import IngestCache, IngestStatus, articles_ingest

# One commit per this many articles: a commit per article cost a tenth of the run, and a
# group holds the write lock for a fraction of a second.
ARTICLES_PER_COMMIT = 16


@dataclass
class IngestReport:
    counts: Counter[str] = field(default_factory=Counter)
    stored: set[int] = field(default_factory=set)  # new or changed articles
    replaced: set[int] = field(default_factory=set)  # changed: their old statements go
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        c = self.counts
        return (
            f"new {c['new']}, updated {c['updated']}, "
            f"unchanged {c['unchanged']}, failed {c['failed']}"
        )


def inputs_ingest(
    targets: list[str],
    *,
    options: InputOptions,
    source_name: str = "",
    workers: int = 0,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
    on_error: Callable[[str], None] = lambda message: None,
) -> IngestReport:
    """Store every article found in ``targets`` with its statements and claims.

    A bad input or article is one line in ``report.errors`` (also passed to ``on_error`` as
    it happens); the rest is still stored. Signal-driven indexing is paused meanwhile.
    """
    report = IngestReport()
    cache = IngestCache.preload()
    items = progress(analysed(iter_inputs(targets, options), workers=workers))

    def failed(message: str) -> None:
        report.counts["failed"] += 1
        report.errors.append(message)
        on_error(message)

    with sync.paused():
        for group in itertools.batched(items, ARTICLES_PER_COMMIT):
            done = None
            try:
                with transaction.atomic():
                    done, cache = _group_ingest(
                        group, source_name=source_name, cache=cache, failed=failed
                    )
            except DatabaseError as error:
                # The commit itself failed (disk full, database gone): none of the group was
                # stored, and its rows may sit in the cache.
                with contextlib.suppress(DatabaseError):  # still gone: the next group says so
                    cache = IngestCache.preload()
                if done is None:  # it failed before the commit: every article it held
                    done = [
                        (label, None, None)
                        for label, item, _ in group
                        if not isinstance(item, IngestError)
                    ]
                for label, _, _ in done:
                    failed(f"{label}: not stored, the database refused the write: {error}")
                continue
            for _, status, article_id in done:
                report.counts[status.value] += 1
                if status != IngestStatus.UNCHANGED:
                    report.stored.add(article_id)
                if status == IngestStatus.UPDATED:
                    report.replaced.add(article_id)
    return report


def _group_ingest(
    group: tuple, *, source_name: str, cache: IngestCache, failed: Callable[[str], None]
) -> tuple[list[tuple[str, IngestStatus, int]], IngestCache]:
    """Store one group inside the caller's transaction. Returns the (label, status, id) of
    each stored article, counted only once that transaction commits, and the cache.

    The group's rows are written together; if anything in it fails, its articles are stored
    again one at a time, so the bad one is named and the rest kept.
    """
    articles = []
    for label, item, analysis in group:
        if isinstance(item, IngestError):
            text = str(item)
            failed(text if text.startswith(label) else f"{label}: {text}")
        else:
            articles.append((label, item, analysis))
    try:
        return _articles_store(articles, source_name=source_name, cache=cache), cache
    except Exception:  # noqa: BLE001 - found again and named below, article by article
        cache = IngestCache.preload()  # cached rows may belong to the rolled-back savepoint
    done = []
    for article in articles:
        try:
            done += _articles_store([article], source_name=source_name, cache=cache)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the rest
            cache = IngestCache.preload()
            failed(f"{article[0]}: {type(error).__name__}: {error}")
    return done, cache


def _articles_store(
    articles: list[tuple[str, ParsedArticle, ArticleAnalysis | None]],
    *,
    source_name: str,
    cache: IngestCache,
) -> list[tuple[str, IngestStatus, int]]:
    """Store these articles in one savepoint (articles_ingest is atomic)."""
    stored = articles_ingest(
        [(parsed, analysis) for _, parsed, analysis in articles],
        source_name=source_name,
        cache=cache,
    )
    return [
        (label, status, article.pk)
        for (label, _, _), (article, status) in zip(articles, stored, strict=True)
    ]
