"""Feed polling: claim a feed, ingest what it links to, record how it went.

A poll first claims its feed (a token and a time, set by one conditional UPDATE, which
SQLite and PostgreSQL both apply to one writer at a time), so no two workers poll a feed at
once. Whatever happens, the poll records its result or error and when the feed is due next:
a feed that failed is tried again one interval later.
"""

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from articles.inputs import InputOptions
from articles.models import Feed

from .ingest import IngestReport, inputs_ingest

# Errors kept on a feed: enough to see what went wrong, not a whole failed batch.
MAX_ERROR_LINES = 20


def fetch_options() -> InputOptions:
    """How background fetches may reach the network (the settings, never a user's choice)."""
    return InputOptions(
        max_bytes=settings.FACTCHECK_MAX_ARTICLE_BYTES,
        allow_private=settings.FACTCHECK_ALLOW_PRIVATE_URLS,
        timeout=settings.FACTCHECK_FETCH_TIMEOUT,
    )


def url_ingest(*, url: str, source_name: str = "") -> IngestReport:
    """Store the article(s) at ``url``: a page, a feed (every entry) or a JSON Lines batch."""
    return inputs_ingest([url], options=fetch_options(), source_name=source_name)


def feed_claim(*, feed_id: int, now: datetime, force: bool = False) -> str | None:
    """Claim a feed for one poll; returns the claim token, or None when the feed is not due
    (``force``: due whatever its schedule) or another poll holds it."""
    token = secrets.token_hex(16)
    feeds = Feed.objects.filter(pk=feed_id)
    feeds = feeds.unclaimed(now) if force else feeds.due(now)
    return token if feeds.update(claim=token, claimed_at=now) else None


def feed_release(*, feed_id: int, claim: str) -> None:
    """Give up a claim without polling (the poll could not be queued)."""
    Feed.objects.filter(pk=feed_id, claim=claim).update(claim="", claimed_at=None)


def feed_poll(*, feed_id: int, claim: str) -> IngestReport | None:
    """Poll a feed this claim holds: ingest its entries, record the result or the error and
    the next poll. Returns None (and does nothing) when the claim no longer holds the feed:
    it lapsed and another poll took over, or the feed was deleted."""
    if not Feed.objects.filter(pk=feed_id, claim=claim).update(claimed_at=timezone.now()):
        return None
    feed = Feed.objects.get(pk=feed_id)
    try:
        report = inputs_ingest([feed.url], options=fetch_options(), source_name=feed.source_name)
        errors = report.errors
    except Exception as error:  # noqa: BLE001 - whatever breaks is recorded; retried next interval
        report = IngestReport()
        errors = [f"{feed.url}: {type(error).__name__}: {error}"]
    finished = timezone.now()
    shown = errors[:MAX_ERROR_LINES]
    if len(errors) > len(shown):
        shown.append(f"... and {len(errors) - len(shown)} more")
    Feed.objects.filter(pk=feed_id, claim=claim).update(
        claim="",
        claimed_at=None,
        last_polled_at=finished,
        next_poll_at=finished + timedelta(minutes=feed.interval_minutes),
        last_result=report.summary() if not errors or report.counts["failed"] else "failed",
        last_error="\n".join(shown),
    )
    return report
