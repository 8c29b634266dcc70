"""Run the NLP analysis of a stream of articles in worker processes, in order.

The main process keeps writing rows while workers normalise and extract the next articles;
results come back in input order. When the main process would wait for a result, it
analyses a queued article no worker has started yet instead. The NLP layer knows nothing of
Django, so a forked worker never touches the database. If the pool breaks, the rest is
analysed in-process.
"""

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from articles.parsed import IngestError, ParsedArticle

from . import nlp

Item = tuple[str, ParsedArticle | IngestError]
Analysed = tuple[str, ParsedArticle | IngestError, nlp.ArticleAnalysis | None]

# How many articles may be analysed ahead of the one being stored.
WINDOW = 64


def default_workers() -> int:
    """One worker per core beyond the first, which writes the database."""
    return max(0, min((os.cpu_count() or 1) - 1, 4))


def analysed(items: Iterable[Item], *, workers: int) -> Iterator[Analysed]:
    """Each item with its analysis (None when it failed to parse or runs in-process).

    Workers are forked, which is only safe from a single-threaded process; with other
    threads running (a test server, a web worker) the analysis stays in-process.
    """
    if workers < 1 or threading.active_count() > 1:
        for label, item in items:
            yield label, item, None
        return
    # Build hazm objects and compile patterns before forking, so workers inherit them.
    nlp.analyse_article("گفت: آماده")
    context = multiprocessing.get_context("fork")
    pending: deque[tuple[str, ParsedArticle | IngestError, Future | None]] = deque()
    source = iter(items)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        broken = False
        while True:
            while not broken and len(pending) < WINDOW:
                try:
                    label, item = next(source)
                except StopIteration:
                    break
                future = (
                    pool.submit(nlp.analyse_article, item.text)
                    if isinstance(item, ParsedArticle)
                    else None
                )
                pending.append((label, item, future))
            if not pending:
                return
            label, item, future = pending.popleft()
            analysis = None
            if future is not None and not broken:
                while not future.done() and _analyse_one_here(pending):
                    pass
                try:
                    analysis = future.result()
                except BrokenProcessPool:
                    broken = True  # analyse the rest in-process
            yield label, item, analysis
            if broken:
                for label, item, _ in pending:
                    yield label, item, None
                for label, item in source:
                    yield label, item, None
                return


def _analyse_one_here(
    pending: deque[tuple[str, ParsedArticle | IngestError, Future | None]],
) -> bool:
    """Analyse in this process the last queued article that no worker has started; False if
    there is none. Stores the result in its place in ``pending``.

    Analysis takes longer than storing now, so without this the main process would idle
    while its core is free; the last article is taken so the workers keep the next ones.
    """
    for index in range(len(pending) - 1, -1, -1):
        label, item, future = pending[index]
        if future is not None and future.cancel():
            here: Future = Future()
            try:
                here.set_result(nlp.analyse_article(item.text))
            except Exception as error:  # noqa: BLE001 - raised where a worker's would be
                here.set_exception(error)
            pending[index] = (label, item, here)
            return True
    return False
