"""Ingest a list of inputs (files, folders, URLs, feeds): what `manage.py ingest` and the
fetch tasks both run.

Articles are committed a few at a time, each still all or nothing by its own savepoint, and
each group is read, fetched and analysed before its transaction opens. The search index is
not written here: the caller indexes :attr:`IngestReport.stored` in one go (the command at
once, the tasks on the search queue), instead of once per saved row.
"""

import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction

from articles.inputs import InputOptions, iter_inputs
from articles.parsed import IngestError

from .pipeline import analysed
from .search import sync
from .services import IngestCache, IngestStatus, article_ingest

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
            with transaction.atomic():
                for label, item, analysis in group:
                    if isinstance(item, IngestError):
                        text = str(item)
                        failed(text if text.startswith(label) else f"{label}: {text}")
                        continue
                    try:
                        article, status = article_ingest(
                            parsed=item, source_name=source_name, cache=cache, analysis=analysis
                        )
                    except Exception as error:  # noqa: BLE001 - one bad article must not stop the rest
                        # Cached rows may belong to the rolled-back savepoint.
                        cache = IngestCache.preload()
                        failed(f"{label}: {type(error).__name__}: {error}")
                        continue
                    report.counts[status.value] += 1
                    if status != IngestStatus.UNCHANGED:
                        report.stored.add(article.pk)
                    if status == IngestStatus.UPDATED:
                        report.replaced.add(article.pk)
    return report
