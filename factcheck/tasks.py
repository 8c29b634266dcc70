"""Background work, run by `manage.py db_worker` (at once, in the enqueuing process, with
FACTCHECK_TASKS=immediate).

Two queues: "default" fetches URLs and polls feeds (run by any number of workers); "search"
holds every write to the Whoosh index for edits and fetched articles. Whoosh allows one
writer per index, so exactly one worker runs the search queue.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.db import transaction
from django.tasks import TaskResultStatus, task
from django.utils import timezone

from articles.models import Feed

from . import polling
from .ingest import IngestReport
from .search import sync

log = logging.getLogger(__name__)

SEARCH_QUEUE = "search"


class IngestFailed(Exception):
    """Some input of a fetch task failed; what was stored stays stored and indexed."""


@task(queue_name=SEARCH_QUEUE)
def search_reindex(kind: str, ids: list[int]) -> str:
    return sync.reindex(kind, ids)


@task(queue_name=SEARCH_QUEUE)
def search_index_articles(article_ids: list[int], replaced: list[int]) -> str:
    return sync.index_articles(article_ids, replaced=replaced)


@task()
def url_ingest(url: str, source_name: str = "") -> str:
    """Fetch and store an article page, a feed or a JSON Lines batch; index it next."""
    report = polling.url_ingest(url=url, source_name=source_name)
    _index_later(report)
    if report.errors:
        raise IngestFailed(f"{report.summary()}\n" + "\n".join(report.errors))
    return report.summary()


@task()
def feed_poll(feed_id: int, claim: str) -> str:
    """Poll one feed under the claim its scheduler took (see factcheck.polling)."""
    report = polling.feed_poll(feed_id=feed_id, claim=claim)
    if report is None:
        return "skipped: another poll holds this feed"
    _index_later(report)
    return report.summary()


def _index_later(report: IngestReport) -> None:
    if report.stored:
        search_index_articles.enqueue(sorted(report.stored), sorted(report.replaced))


def reindex_on_commit(kind: str, ids: Iterable[int]) -> None:
    """Have these objects reindexed once the current transaction commits (at once outside
    one). Nothing happens while ingest has indexing paused: it indexes in bulk itself."""
    if sync.is_paused():
        return
    ids = sorted(set(ids))
    transaction.on_commit(lambda: _enqueue_reindex(kind, ids))


def _enqueue_reindex(kind: str, ids: list[int]) -> None:
    try:
        search_reindex.enqueue(kind, ids)
    except Exception:  # noqa: BLE001 - the change is committed; indexing must not break it
        log.exception("could not queue reindexing of %s %s (run rebuild_index)", kind, ids)


def feed_poll_enqueue(feed_id: int, *, force: bool = False) -> bool:
    """Claim a feed and queue its poll; False when it is not due (``force``: poll now
    whatever the schedule) or a poll already holds it."""
    claim = polling.feed_claim(feed_id=feed_id, now=timezone.now(), force=force)
    if claim is None:
        return False
    try:
        feed_poll.enqueue(feed_id, claim)
    except BaseException:
        polling.feed_release(feed_id=feed_id, claim=claim)
        raise
    return True


def feeds_enqueue_due() -> int:
    """Queue a poll of every feed that is due; returns how many were queued."""
    due = Feed.objects.due(timezone.now()).values_list("pk", flat=True)
    return sum(feed_poll_enqueue(feed_id) for feed_id in list(due))


def stale_tasks_requeue(*, older_than: timedelta, queues: Iterable[str] = ()) -> int:
    """Put tasks marked RUNNING longer than ``older_than`` back in the queue; returns how many.

    django-tasks-db marks a task RUNNING when a worker takes it and never looks at it again:
    a worker killed mid-task (SIGKILL, power cut, OOM) leaves it RUNNING for ever. Our tasks
    may run twice (ingest stores the same URL once; indexing again rewrites the same
    documents; a feed poll runs only under its claim), so running it again is safe.
    """
    from django_tasks_db.models import DBTaskResult

    stale = DBTaskResult.objects.running().filter(started_at__lte=timezone.now() - older_than)
    queues = list(queues)
    if queues:
        stale = stale.filter(queue_name__in=queues)
    return stale.update(status=TaskResultStatus.READY, started_at=None)
