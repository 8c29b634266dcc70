"""Background tasks: fetching URLs and feeds, feed polling on a schedule, and search index
updates run by the worker (`db_worker`) rather than by the process that made the change."""

import signal
from datetime import timedelta
from io import StringIO
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.management import CommandError, call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, Feed
from factcheck import polling, tasks
from factcheck.models import Claim
from factcheck.search.index import SearchUnavailable
from factcheck.search.query import SearchRequest, search

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PAGE = "/didarnews-153318.html"


@pytest.fixture
def private_urls(settings):
    """The test server listens on 127.0.0.1, which background fetches refuse by default."""
    settings.FACTCHECK_ALLOW_PRIVATE_URLS = True


@pytest.fixture
def database_tasks(settings):
    """Tasks stored in the database, as in production, until a worker runs them."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "search"],
        }
    }


def run_worker(queues: str = "default,search") -> None:
    """Run `db_worker` until no task is left (it installs its own signal handlers: restore
    pytest's afterwards)."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command(
            "db_worker",
            "--batch",
            f"--queue-name={queues}",
            "--no-startup-delay",
            "--no-reload",
            "--interval=0",
            verbosity=0,
        )
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def found(text: str) -> set[tuple[str, int]]:
    """What search finds (nothing while no index exists)."""
    try:
        return {(hit.type, hit.obj_id) for hit in search(SearchRequest(text, page_size=100)).hits}
    except SearchUnavailable:
        return set()


def feed_url(server, *items: str) -> str:
    return f"{server.base_url}/feed?{urlencode([('item', i) for i in items])}"


# Fetching a URL


def test_url_ingest_stores_the_article_and_indexes_it(http_server, private_urls):
    url = f"{http_server.base_url}{PAGE}"
    result = tasks.url_ingest.enqueue(url)
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    assert result.return_value == "new 1, updated 0, unchanged 0, failed 0"
    article = Article.objects.get()
    assert article.statements.exists()
    assert ("article", article.pk) in found("پیام‌رسان")


def test_url_ingest_of_a_missing_page_fails_with_the_reason(http_server, private_urls):
    result = tasks.url_ingest.enqueue(f"{http_server.base_url}/status/404")
    assert result.status == TaskResultStatus.FAILED
    assert "404" in result.errors[0].traceback
    assert not Article.objects.exists()


def test_url_ingest_refuses_private_addresses_by_default(http_server):
    result = tasks.url_ingest.enqueue(f"{http_server.base_url}{PAGE}")
    assert result.status == TaskResultStatus.FAILED
    assert not Article.objects.exists()


# Feed polling


def test_due_feed_is_polled_and_its_next_poll_scheduled(http_server, private_urls):
    feed = Feed.objects.create(url=feed_url(http_server, PAGE), interval_minutes=30)
    before = timezone.now()
    assert tasks.feeds_enqueue_due() == 1
    feed.refresh_from_db()
    article = Article.objects.get()
    assert ("article", article.pk) in found("پیام‌رسان")
    assert feed.last_polled_at >= before
    assert feed.next_poll_at == feed.last_polled_at + timedelta(minutes=30)
    assert feed.last_result == "new 1, updated 0, unchanged 0, failed 0"
    assert feed.last_error == ""
    assert (feed.claim, feed.claimed_at) == ("", None)


def test_feed_is_not_polled_again_before_its_interval(http_server, private_urls):
    Feed.objects.create(url=feed_url(http_server, PAGE), interval_minutes=30)
    assert tasks.feeds_enqueue_due() == 1
    requests = len(http_server.seen)
    assert tasks.feeds_enqueue_due() == 0
    assert len(http_server.seen) == requests


def test_feed_is_polled_again_once_its_interval_has_passed(http_server, private_urls):
    feed = Feed.objects.create(url=feed_url(http_server, PAGE), interval_minutes=30)
    tasks.feeds_enqueue_due()
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now() - timedelta(seconds=1))
    assert tasks.feeds_enqueue_due() == 1
    feed.refresh_from_db()
    assert feed.last_result == "new 0, updated 0, unchanged 1, failed 0"


def test_failing_feed_records_its_error_and_is_retried_next_interval(http_server, private_urls):
    feed = Feed.objects.create(url=f"{http_server.base_url}/status/500", interval_minutes=15)
    assert tasks.feeds_enqueue_due() == 1
    feed.refresh_from_db()
    assert "500" in feed.last_error
    assert feed.last_result == "new 0, updated 0, unchanged 0, failed 1"
    assert feed.next_poll_at == feed.last_polled_at + timedelta(minutes=15)
    assert tasks.feeds_enqueue_due() == 0  # not before the interval
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now())
    assert tasks.feeds_enqueue_due() == 1


def test_feed_entry_that_fails_is_recorded_beside_the_stored_ones(http_server, private_urls):
    feed = Feed.objects.create(url=feed_url(http_server, PAGE, "/status/404"))
    tasks.feeds_enqueue_due()
    feed.refresh_from_db()
    assert feed.last_result == "new 1, updated 0, unchanged 0, failed 1"
    assert "/status/404" in feed.last_error and "404" in feed.last_error


def test_feed_error_clears_after_a_good_poll(http_server, private_urls):
    feed = Feed.objects.create(url=feed_url(http_server, PAGE), last_error="HTTP 500")
    tasks.feeds_enqueue_due()
    feed.refresh_from_db()
    assert feed.last_error == ""


def test_inactive_feed_is_not_polled(http_server, private_urls):
    Feed.objects.create(url=feed_url(http_server, PAGE), active=False)
    assert tasks.feeds_enqueue_due() == 0
    assert not Article.objects.exists()


def test_feed_claimed_by_one_poll_is_not_polled_by_another(http_server, private_urls):
    feed = Feed.objects.create(url=feed_url(http_server, PAGE))
    now = timezone.now()
    claim = polling.feed_claim(feed_id=feed.pk, now=now)
    assert claim
    assert polling.feed_claim(feed_id=feed.pk, now=now) is None
    assert polling.feed_claim(feed_id=feed.pk, now=now, force=True) is None
    assert tasks.feeds_enqueue_due() == 0
    assert not Article.objects.exists()


def test_poll_whose_claim_lapsed_does_nothing(http_server, private_urls):
    feed = Feed.objects.create(url=feed_url(http_server, PAGE))
    stale = polling.feed_claim(feed_id=feed.pk, now=timezone.now() - 2 * Feed.POLL_LEASE)
    current = polling.feed_claim(feed_id=feed.pk, now=timezone.now())
    assert current
    requests = len(http_server.seen)
    assert tasks.feed_poll.enqueue(feed.pk, stale).return_value.startswith("skipped")
    assert len(http_server.seen) == requests
    assert Feed.objects.get(pk=feed.pk).claim == current


def test_claim_of_a_worker_that_died_lapses_after_the_lease(http_server, private_urls):
    feed = Feed.objects.create(url=feed_url(http_server, PAGE))
    Feed.objects.filter(pk=feed.pk).update(
        claim="dead", claimed_at=timezone.now() - Feed.POLL_LEASE - timedelta(minutes=1)
    )
    assert tasks.feeds_enqueue_due() == 1
    assert Article.objects.count() == 1


def test_poll_feeds_command_reports_what_it_queued(http_server, private_urls):
    Feed.objects.create(url=feed_url(http_server, PAGE))
    out = StringIO()
    call_command("poll_feeds", stdout=out)
    assert out.getvalue().strip() == "queued 1 feed poll(s)"


def test_admin_poll_now_polls_a_feed_before_its_time(admin_client, http_server, private_urls):
    feed = Feed.objects.create(
        url=feed_url(http_server, PAGE), next_poll_at=timezone.now() + timedelta(days=1)
    )
    response = admin_client.post(
        "/admin/articles/feed/",
        {"action": "poll_now", "_selected_action": [feed.pk]},
        follow=True,
    )
    assert "1 feed(s) queued for polling." in response.content.decode()
    feed.refresh_from_db()
    assert feed.last_result.startswith("new 1")


# The worker


@pytest.mark.django_db(transaction=True)
def test_edit_is_indexed_by_the_worker_not_by_the_web_process(
    database_tasks, django_capture_on_commit_callbacks
):
    call_command("ingest", str(SAMPLES), "--no-progress", "--workers=0", stdout=StringIO())
    claim = Claim.objects.order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        claim.text = f"{claim.text} زرافه‌شناسی"
        claim.save()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "factcheck.tasks.search_reindex"
    assert (queued.queue_name, queued.status) == ("search", TaskResultStatus.READY)
    assert ("claim", claim.pk) not in found("زرافه‌شناسی")  # the web process wrote nothing

    run_worker()

    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert ("claim", claim.pk) in found("زرافه‌شناسی")


@pytest.mark.django_db(transaction=True)
def test_worker_polls_a_feed_then_indexes_its_articles(database_tasks, http_server, private_urls):
    Feed.objects.create(url=feed_url(http_server, PAGE))
    call_command("poll_feeds", stdout=StringIO())
    assert not Article.objects.exists()  # queued, not run

    run_worker(queues="default")  # the poll stores the articles, queues their indexing
    article = Article.objects.get()
    assert ("article", article.pk) not in found("پیام‌رسان")
    index_task = DBTaskResult.objects.get(task_path="factcheck.tasks.search_index_articles")
    assert index_task.queue_name == "search"

    run_worker(queues="search")
    assert ("article", article.pk) in found("پیام‌رسان")


def test_ingest_command_stays_synchronous_with_a_worker_configured(database_tasks):
    call_command("ingest", str(SAMPLES), "--no-progress", "--workers=0", stdout=StringIO())
    assert found("پیام‌رسان")
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_ingest_in_background_queues_a_fetch_per_url(database_tasks, http_server, private_urls):
    url = f"{http_server.base_url}{PAGE}"
    out = StringIO()
    call_command("ingest", "--background", url, "--source", "دیدارنیوز", stdout=out)
    assert out.getvalue().startswith(f"queued {url} (task ")
    assert not Article.objects.exists()
    run_worker()
    assert Article.objects.get().source.name == "دیدارنیوز"


def test_ingest_in_background_refuses_files(database_tasks):
    with pytest.raises(CommandError, match="URLs only"):
        call_command("ingest", "--background", str(SAMPLES), stdout=StringIO())
    assert not DBTaskResult.objects.exists()


# A worker killed mid-task


def claimed_by_dead_worker(result, started_ago: timedelta) -> DBTaskResult:
    """What a worker killed with SIGKILL leaves behind: the task it took, marked RUNNING."""
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("killed-worker")
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - started_ago)
    return row


@pytest.mark.django_db(transaction=True)
def test_task_of_a_killed_worker_stays_running_without_requeue(
    http_server, private_urls, database_tasks
):
    result = tasks.url_ingest.enqueue(f"{http_server.base_url}{PAGE}")
    row = claimed_by_dead_worker(result, timedelta(seconds=5))
    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_requeued_task_of_a_killed_worker_runs_again_and_stores_once(
    http_server, private_urls, database_tasks
):
    url = f"{http_server.base_url}{PAGE}"
    tasks.url_ingest.enqueue(url)
    run_worker()  # the article was stored, but the worker died before recording success
    row = claimed_by_dead_worker(tasks.url_ingest.enqueue(url), timedelta(seconds=5))
    out = StringIO()
    call_command("requeue_stale_tasks", "--older-than", "0", stdout=out)
    assert out.getvalue().strip() == "requeued 1 stale task(s)"
    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == "new 0, updated 0, unchanged 1, failed 0"
    assert row.worker_ids[0] == "killed-worker" and len(row.worker_ids) == 2
    assert Article.objects.count() == 1


def test_requeue_leaves_tasks_that_started_recently_and_other_queues(
    http_server, private_urls, database_tasks
):
    recent = claimed_by_dead_worker(
        tasks.url_ingest.enqueue(f"{http_server.base_url}{PAGE}"), timedelta(minutes=5)
    )
    old_search = claimed_by_dead_worker(
        tasks.search_reindex.enqueue("claim", []), timedelta(hours=2)
    )
    old_fetch = claimed_by_dead_worker(
        tasks.url_ingest.enqueue(f"{http_server.base_url}/status/404"), timedelta(hours=2)
    )
    assert tasks.stale_tasks_requeue(older_than=timedelta(hours=1), queues=["default"]) == 1
    statuses = {
        row.pk: row.status
        for row in DBTaskResult.objects.filter(pk__in=[recent.pk, old_search.pk, old_fetch.pk])
    }
    assert statuses == {
        recent.pk: TaskResultStatus.RUNNING,
        old_search.pk: TaskResultStatus.RUNNING,
        old_fetch.pk: TaskResultStatus.READY,
    }
