"""python manage.py backup PATH: the whole knowledge base in one file."""

from django.core.management.base import BaseCommand, CommandError

from factcheck.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write the knowledge base (articles, claims, verdicts, history, users) to a zip file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file to write, e.g. backup.zip")

    def handle(self, *args, **options):
        try:
            outcome = backup(options["path"])
        except (BackupError, OSError) as error:
            raise CommandError(f"backup failed: {error}") from error
        self.stdout.write(f"backed up {outcome.total} rows to {outcome.path}")
