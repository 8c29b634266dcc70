"""python manage.py extract_statements FILE ...: run the engine, print JSON Lines, touch no database."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.decoding import decode_bytes
from articles.parsed import IngestError
from factcheck.nlp import extract_statements

FIELDS = (
    "speaker",
    "role",
    "speaker_mention",
    "quote",
    "start",
    "end",
    "kind",
    "cue",
    "confidence",
)


class Command(BaseCommand):
    help = "Print the statements found in each FILE as one JSON object a line; offsets index the decoded text."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, **options):
        failed = 0
        for name in options["files"]:
            try:
                text = decode_bytes(Path(name).read_bytes())
            except (OSError, IngestError) as error:
                failed += 1
                message = error.strerror if isinstance(error, OSError) and error.strerror else error
                self.stderr.write(f"failed: {name}: {message}")
                continue
            statements = [
                {key: s.as_dict()[key] for key in FIELDS} for s in extract_statements(text)
            ]
            self.stdout.write(
                json.dumps({"file": name, "statements": statements}, ensure_ascii=False)
            )
        if failed:
            raise CommandError(f"{failed} file(s) failed")
