"""Gold records for the commands that score or train the extractor."""

import json
from pathlib import Path

from django.core.management.base import CommandError


def read_gold_records(names: list[str]) -> list[dict]:
    """Gold records from JSON Lines files; a clear error names the file and line at fault."""
    records = []
    for name in names:
        try:
            lines = Path(name).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise CommandError(f"{name}: {error.strerror or error}") from error
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                record["text"], record["statements"]  # noqa: B018 - required keys
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise CommandError(f"{name} line {number}: not a gold record ({error})") from error
            records.append(record)
    return records
