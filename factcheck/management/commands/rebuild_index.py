"""python manage.py rebuild_index: build the search index anew from the database."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Article
from factcheck.models import Claim, Speaker, Statement
from factcheck.search.documents import documents_for
from factcheck.search.index import open_index, writer

BATCH = 500


class Command(BaseCommand):
    help = "Rebuild the search index (claims, statements, articles, speakers) from the database."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    def handle(self, *args, **options):
        open_index(create=True)
        kinds = [
            ("claim", Claim.objects.all()),
            ("statement", Statement.objects.visible()),
            ("article", Article.objects.all()),
            ("speaker", Speaker.objects.all()),
        ]
        total = sum(queryset.count() for _, queryset in kinds)
        show = sys.stderr.isatty() and not options["no_progress"]
        written = 0
        # One writer, one commit: each commit would merge the growing index again.
        with (
            writer(bulk=True) as w,
            tqdm(total=total, unit=" documents", disable=not show, file=sys.stderr) as bar,
        ):
            for kind, queryset in kinds:
                ids = list(queryset.order_by("pk").values_list("pk", flat=True))
                for start in range(0, len(ids), BATCH):
                    for document in documents_for(kind, ids[start : start + BATCH]):
                        w.add_document(**document.fields())
                        written += 1
                    bar.update(len(ids[start : start + BATCH]))
        # Whoosh's parallel writer loses a failed part without a word: count what arrived.
        held = open_index().doc_count()
        if held != written:
            raise CommandError(
                f"the index holds {held} of {written} documents; run rebuild_index again"
            )
        self.stdout.write(f"indexed {written} documents")
