"""python manage.py ingest PATH_OR_URL ...: store articles and the statements found in them."""

import itertools
import sys
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from tqdm import tqdm

from articles.inputs import InputOptions, iter_inputs
from articles.parsed import IngestError
from factcheck.pipeline import analysed, default_workers
from factcheck.search import sync
from factcheck.services import IngestCache, IngestStatus, article_ingest

# tqdm's monitor thread (started even for a disabled bar) would make forking workers unsafe.
tqdm.monitor_interval = 0

# One commit per this many articles: a commit per article cost a tenth of the run, and a
# group holds the write lock for a fraction of a second.
ARTICLES_PER_COMMIT = 16


class Command(BaseCommand):
    help = (
        "Ingest articles from .txt, .html, .jsonl/.jsonl.gz files, folders, article URLs and "
        "RSS/Atom feeds; extract statements and claims; update the search index. Exits "
        "non-zero when any input failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--source", default="", help="publisher name for every article")
        parser.add_argument(
            "--allow-private",
            action="store_true",
            help="allow URLs that resolve to private or loopback addresses",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.FACTCHECK_MAX_ARTICLE_BYTES,
            help="largest article accepted, in bytes (default %(default)s)",
        )
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help="processes that analyse articles while this one stores them; 0 analyses "
            "in-process (default %(default)s: one per core beyond the first)",
        )

    # Development settings log every SQL query; tens of thousands of inserts need no log
    # (it costs a tenth of the run).
    @override_settings(DEBUG=False)
    def handle(self, *args, **options):
        input_options = InputOptions(
            max_bytes=options["max_bytes"],
            allow_private=options["allow_private"],
            timeout=settings.FACTCHECK_FETCH_TIMEOUT,
        )
        counts: Counter[str] = Counter()
        cache = IngestCache.preload()
        stored: set[int] = set()
        replaced: set[int] = set()
        show_progress = sys.stderr.isatty() and not options["no_progress"]
        inputs = analysed(
            iter_inputs(options["targets"], input_options), workers=options["workers"]
        )
        items = tqdm(inputs, unit=" articles", disable=not show_progress, file=sys.stderr)
        # The index is written once at the end rather than once per saved row. Articles are
        # committed a few at a time (each still all or nothing, by its own savepoint), and
        # each group is read, fetched and analysed before its transaction opens.
        with sync.paused():
            for group in itertools.batched(items, ARTICLES_PER_COMMIT):
                with transaction.atomic():
                    for label, item, analysis in group:
                        if isinstance(item, IngestError):
                            counts["failed"] += 1
                            text = str(item)
                            self.stderr.write(
                                f"failed: {text if text.startswith(label) else f'{label}: {text}'}"
                            )
                            continue
                        try:
                            article, status = article_ingest(
                                parsed=item,
                                source_name=options["source"],
                                cache=cache,
                                analysis=analysis,
                            )
                        except Exception as error:  # noqa: BLE001 - one bad article must not stop the rest
                            counts["failed"] += 1
                            # Cached rows may belong to the rolled-back savepoint.
                            cache = IngestCache.preload()
                            self.stderr.write(f"failed: {label}: {type(error).__name__}: {error}")
                            continue
                        counts[status.value] += 1
                        if status != IngestStatus.UNCHANGED:
                            stored.add(article.pk)
                        if status == IngestStatus.UPDATED:
                            replaced.add(article.pk)
        if stored:
            # Search is current when the command returns.
            try:
                self.stdout.write(sync.index_articles(stored, replaced=replaced))
            except Exception as error:  # noqa: BLE001 - the articles are stored; say what to do
                self.stderr.write(f"search index not updated ({error}); run rebuild_index")
        self.stdout.write(
            f"new {counts['new']}, updated {counts['updated']}, "
            f"unchanged {counts['unchanged']}, failed {counts['failed']}"
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} input(s) failed")
