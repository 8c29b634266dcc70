"""python manage.py restore PATH: replace the knowledge base with a backup, then reindex."""

import io

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from factcheck.backup import BackupError, restore
from factcheck.search import sync


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` (SQLite or PostgreSQL, either way)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a backup file made by `manage.py backup`")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="overwrite a database that already holds data",
        )

    def handle(self, *args, **options):
        try:
            with sync.paused():
                outcome = restore(options["path"], replace=options["replace"])
        except (BackupError, OSError) as error:
            raise CommandError(f"restore failed: {error}") from error
        self.stdout.write(f"restored {outcome.total} rows from {outcome.path}")
        try:
            call_command("rebuild_index", "--no-progress", stdout=io.StringIO())
        except Exception as error:  # noqa: BLE001 - the data is restored; say what to do
            self.stderr.write(f"search index not rebuilt ({error}); run rebuild_index")
            return
        self.stdout.write("search index rebuilt")
