"""python manage.py reextract: run the current engine again over stored articles.

After an upgrade of the extraction rules or a retrained statement model, stored articles
still hold what the old engine found. This replaces every unreviewed statement with what the
engine finds now, keeps what editors reviewed, and brings the search index up to date.
"""

import datetime
import sys

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from tqdm import tqdm

from articles.models import Article
from factcheck.search import sync
from factcheck.services import articles_reextract


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--since {value!r}: not a date (YYYY-MM-DD)") from error


class Command(BaseCommand):
    help = (
        "Run the current extraction engine again over stored articles: unreviewed statements "
        "are replaced, statements an editor reviewed are kept, the search index is updated. "
        "Exits non-zero when any article failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", default="", help="only this publisher's articles")
        parser.add_argument(
            "--article", type=int, action="append", default=[], help="only this article id"
        )
        parser.add_argument("--since", default="", help="only articles published on or after")
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    @override_settings(DEBUG=False)
    def handle(self, *args, **options):
        articles = Article.objects.select_related("source").order_by("pk")
        if options["source"]:
            articles = articles.filter(source__name=options["source"])
        if options["article"]:
            articles = articles.filter(pk__in=options["article"])
        if options["since"]:
            articles = articles.filter(published_at__date__gte=_date(options["since"]))
        total = articles.count()
        if not total:
            raise CommandError("no stored article matches")
        show_progress = sys.stderr.isatty() and not options["no_progress"]
        report = articles_reextract(
            tqdm(
                articles.iterator(),
                total=total,
                unit=" articles",
                disable=not show_progress,
                file=sys.stderr,
            ),
            on_error=lambda message: self.stderr.write(f"failed: {message}"),
        )
        if report.articles:
            try:
                self.stdout.write(sync.index_articles(report.articles, replaced=report.articles))
            except Exception as error:  # noqa: BLE001 - the statements are stored; say what to do
                self.stderr.write(f"search index not updated ({error}); run rebuild_index")
        self.stdout.write(report.summary())
        if report.failed:
            raise CommandError(f"{len(report.failed)} article(s) failed")
