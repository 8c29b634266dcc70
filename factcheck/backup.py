"""Back up and restore the whole knowledge base, history and audit records included.

A backup is a zip of two files: ``manifest.json`` (format, when, from which database, the
migrations it was taken at, rows per model) and ``data.xml`` (Django's serialisation of
every row, foreign keys to content types and permissions written by natural key), so it
restores into SQLite or PostgreSQL alike. XML because Django's JSON keeps only milliseconds
of a time, and history must come back exactly as it was. Derived data (sessions, content types,
permissions, the search index) is left out and rebuilt.
"""

import json
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.core.management import CommandError, call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "factcheck-backup"
VERSION = 1
DATA = "data.xml"
# What makes a database one with data (a migrated, empty one has the editors group only).
CONTENT = ("articles.Article", "factcheck.Speaker", "factcheck.Claim", "auth.User")
# Rows that are derived or rebuilt, never backed up.
DERIVED = {
    "contenttypes",
    "auth.permission",
    "sessions",
    "authtoken.tokenproxy",
    "django_tasks_database",  # the queue of background work: done or redone, not kept
    "factcheck.searchdocument",  # the PostgreSQL search backend's index: rebuilt
    "factcheck.searchterm",
}


class BackupError(Exception):
    """A backup cannot be written or restored; the message says why and what to do."""


@dataclass(frozen=True)
class Outcome:
    path: Path
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def backed_up_models() -> list:
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy
        and model._meta.app_label not in DERIVED
        and model._meta.label_lower not in DERIVED
    ]


def backup(path: Path) -> Outcome:
    """Write the knowledge base to ``path`` (a zip); the file appears only when complete."""
    path = Path(path)
    if path.is_dir():
        raise BackupError(f"{path} is a folder; give the backup file's name")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent} does not exist")
    models = backed_up_models()
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        data = Path(work) / DATA
        # One transaction: every table as of the same moment.
        with transaction.atomic():
            counts = {model._meta.label: model._default_manager.count() for model in models}
            call_command(
                "dumpdata",
                *(model._meta.label for model in models),
                natural_foreign=True,
                format="xml",
                output=str(data),
                verbosity=0,
            )
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.now(UTC).isoformat(),
            "database": connection.vendor,
            "migrations": _applied_migrations(),
            "counts": counts,
        }
        partial = Path(work) / "backup.zip"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.write(data, DATA)
        partial.replace(path)
    return Outcome(path=path, counts=counts)


def restore(path: Path, *, replace: bool = False) -> Outcome:
    """Replace the knowledge base with the backup at ``path``, in one transaction.

    Refuses a database that holds data unless ``replace``; refuses a backup taken at
    migrations this database has not applied (migrate first).
    """
    path = Path(path)
    manifest = read_manifest(path)
    missing = _missing_migrations(manifest["migrations"])
    if missing:
        raise BackupError(
            f"the backup needs migrations this database lacks ({', '.join(missing[:3])}); "
            "run `manage.py migrate` first"
        )
    models = backed_up_models()
    if not replace and any(apps.get_model(label)._default_manager.exists() for label in CONTENT):
        raise BackupError("this database already holds data; pass --replace to overwrite it")
    with tempfile.TemporaryDirectory() as work:
        with zipfile.ZipFile(path) as archive:
            archive.extract(DATA, work)
        data = Path(work) / DATA
        # All or nothing: a backup that fails to load leaves the database as it was.
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    # TRUNCATE refuses tables with deferred checks still pending.
                    with connection.cursor() as cursor:
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                # Empty every table (content types and permissions are made anew), then load.
                call_command("flush", interactive=False, verbosity=0)
                if connection.vendor == "postgresql":
                    # Claims and verdicts point at each other: check their keys at commit.
                    with connection.cursor() as cursor:
                        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                call_command("loaddata", str(data), verbosity=0, stdout=StringIO())
                counts = {model._meta.label: model._default_manager.count() for model in models}
        except (DatabaseError, DeserializationError, CommandError) as error:
            raise BackupError(f"nothing restored, the backup does not load: {error}") from error
    expected = {label: n for label, n in manifest["counts"].items() if label in counts}
    if any(counts[label] != n for label, n in expected.items()):
        raise BackupError(f"restored rows differ from the backup's manifest: {counts}")
    return Outcome(path=path, counts=counts)


def read_manifest(path: Path) -> dict:
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            archive.getinfo(DATA)
    except FileNotFoundError as error:
        raise BackupError(f"{path} does not exist") from error
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise BackupError(f"{path} is not a backup made by `manage.py backup`") from error
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(f"{path} is not a backup this version can read")
    return manifest


def _applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _missing_migrations(needed: dict[str, list[str]]) -> list[str]:
    have = MigrationRecorder(connection).applied_migrations()
    return [
        f"{app}.{name}"
        for app, names in needed.items()
        for name in names
        if (app, name) not in have
    ]
