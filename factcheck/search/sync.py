"""Keep the index current: what changed is reindexed after its transaction commits.

Every write path reaches this module: ingest calls :func:`index_articles` for the articles it
stored; editors' changes (site, API, Django admin) arrive through factcheck.signals, which
has factcheck.tasks call :func:`reindex` on the search queue once the change commits, so the
one worker running that queue is the only process writing the index for edits (with
FACTCHECK_TASKS=immediate it runs at once in the process that made the change).
A failure to index never undoes or blocks the change: it is logged, and
`manage.py rebuild_index` repairs the index.
"""

import io
import logging
import threading
from collections.abc import Iterable
from contextlib import contextmanager

from factcheck.models import ClaimAppearance, Statement

from . import backends
from .base import SearchUnavailable
from .documents import documents_for

log = logging.getLogger(__name__)
_state = threading.local()


@contextmanager
def paused():
    """Within this block signal-driven indexing waits; the caller indexes in bulk instead."""
    _state.paused = getattr(_state, "paused", 0) + 1
    try:
        yield
    finally:
        _state.paused -= 1


def is_paused() -> bool:
    return bool(getattr(_state, "paused", 0))


def reindex(kind: str, ids: Iterable[int]) -> str:
    """Write these objects' documents to the index (delete those no longer searchable).

    Returns what happened; a failure is logged, never raised.
    """
    ids = set(ids)
    try:
        documents = documents_for(kind, ids)
        present = {d.obj_id for d in documents}
        backends.current().write(documents, remove=[(kind, pk) for pk in ids - present])
    except SearchUnavailable:
        log.info("search index missing; %s %s not indexed (run rebuild_index)", kind, sorted(ids))
        return "search index missing: not indexed (run rebuild_index)"
    except Exception:  # noqa: BLE001 - indexing must never break an edit
        log.exception("could not index %s %s", kind, sorted(ids))
        return "indexing failed (logged)"
    return f"indexed {len(documents)} {kind}(s), removed {len(ids - present)}"


def index_articles(article_ids: Iterable[int], *, replaced: Iterable[int] = ()) -> str:
    """Index stored articles with their statements, claims and speakers, in one commit.

    ``replaced`` are articles whose text changed: their old statements leave the index.
    Returns what happened ("indexed N documents" or why the whole index was rebuilt).
    """
    article_ids, replaced = set(article_ids), set(replaced)
    if not article_ids:
        return "nothing to index"
    backend = backends.current()
    try:
        backend.ready()
    except SearchUnavailable as error:
        return _rebuild(f"{error}: built it from the database")
    statements = list(
        Statement.objects.visible()
        .filter(article_id__in=article_ids)
        .values_list("pk", "speaker_id")
    )
    statement_ids = [pk for pk, _ in statements]
    claim_ids = set(
        ClaimAppearance.objects.filter(statement_id__in=statement_ids).values_list(
            "claim_id", flat=True
        )
    )
    groups = [
        ("article", article_ids),
        ("statement", statement_ids),
        ("claim", claim_ids),
        ("speaker", {speaker for _, speaker in statements if speaker}),
    ]
    documents = (document for kind, ids in groups for document in documents_for(kind, ids))
    count = backend.write(documents, remove_articles=replaced, bulk=True)
    return f"indexed {count} documents"


def _rebuild(reason: str) -> str:
    from django.core.management import call_command

    call_command("rebuild_index", "--no-progress", stdout=io.StringIO())
    return reason
