"""python manage.py rebuild_index: build the search index anew from the database."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Article
from factcheck.models import Claim, Speaker, Statement
from factcheck.search import backends
from factcheck.search.documents import documents_for

BATCH = 500


class Command(BaseCommand):
    help = "Rebuild the search index (claims, statements, articles, speakers) from the database."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    def handle(self, *args, **options):
        kinds = [
            ("claim", Claim.objects.all()),
            ("statement", Statement.objects.visible()),
            ("article", Article.objects.all()),
            ("speaker", Speaker.objects.all()),
        ]
        total = sum(queryset.count() for _, queryset in kinds)
        show = sys.stderr.isatty() and not options["no_progress"]
        with tqdm(total=total, unit=" documents", disable=not show, file=sys.stderr) as bar:

            def documents():
                for kind, queryset in kinds:
                    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
                    for start in range(0, len(ids), BATCH):
                        yield from documents_for(kind, ids[start : start + BATCH])
                        bar.update(len(ids[start : start + BATCH]))

            written, held = backends.current().rebuild(documents())
        # A backend that lost part of a rebuild must say so, not serve a partial index.
        if held != written:
            raise CommandError(
                f"the index holds {held} of {written} documents; run rebuild_index again"
            )
        self.stdout.write(f"indexed {written} documents")
