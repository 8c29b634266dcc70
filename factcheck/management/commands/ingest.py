"""python manage.py ingest PATH_OR_URL ...: store articles and the statements found in them."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from tqdm import tqdm

from articles.inputs import InputOptions, is_url
from factcheck.ingest import inputs_ingest
from factcheck.pipeline import default_workers
from factcheck.search import sync
from factcheck.tasks import url_ingest

# tqdm's monitor thread (started even for a disabled bar) would make forking workers unsafe.
tqdm.monitor_interval = 0


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
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue a fetch task per URL for the worker and return at once (URLs only; "
            "the worker's FACTCHECK_ALLOW_PRIVATE_URLS and size limit apply)",
        )

    # Development settings log every SQL query; tens of thousands of inserts need no log
    # (it costs a tenth of the run).
    @override_settings(DEBUG=False)
    def handle(self, *args, **options):
        if options["background"]:
            return self._enqueue(options["targets"], source_name=options["source"])
        input_options = InputOptions(
            max_bytes=options["max_bytes"],
            allow_private=options["allow_private"],
            timeout=settings.FACTCHECK_FETCH_TIMEOUT,
        )
        show_progress = sys.stderr.isatty() and not options["no_progress"]
        report = inputs_ingest(
            options["targets"],
            options=input_options,
            source_name=options["source"],
            workers=options["workers"],
            progress=lambda items: tqdm(
                items, unit=" articles", disable=not show_progress, file=sys.stderr
            ),
            on_error=lambda message: self.stderr.write(f"failed: {message}"),
        )
        if report.stored:
            # Search is current when the command returns.
            try:
                self.stdout.write(sync.index_articles(report.stored, replaced=report.replaced))
            except Exception as error:  # noqa: BLE001 - the articles are stored; say what to do
                self.stderr.write(f"search index not updated ({error}); run rebuild_index")
        self.stdout.write(report.summary())
        if report.counts["failed"]:
            raise CommandError(f"{report.counts['failed']} input(s) failed")

    def _enqueue(self, targets: list[str], *, source_name: str) -> None:
        not_urls = [t for t in targets if not is_url(t)]
        if not_urls:
            raise CommandError(
                f"--background takes URLs only (the worker may not see this machine's files): "
                f"{', '.join(not_urls)}"
            )
        for url in targets:
            result = url_ingest.enqueue(url, source_name)
            self.stdout.write(f"queued {url} (task {result.id})")
