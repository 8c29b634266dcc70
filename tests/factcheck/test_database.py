"""SQLite as configured in factcheck/settings/base.py: two processes writing at once (the
site and the task worker) wait for each other instead of failing with "database is locked"."""

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from factcheck.settings import base

# One writer process: a Django connection with the given OPTIONS, inserting rows one
# transaction at a time and holding the write lock a little in each, from a common start.
WRITER = """
import json, sys, time
import django
from django.conf import settings
path, options, writer, start = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], float(sys.argv[4])
settings.configure(DATABASES={"default": {
    "ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": options}})
django.setup()
from django.db import connection, transaction
time.sleep(max(0.0, start - time.time()))
for n in range(40):
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM hits")
            cursor.execute("INSERT INTO hits (writer, n) VALUES (%s, %s)", [writer, n])
        time.sleep(0.005)
"""


def write_at_once(path: Path, options: dict) -> list[subprocess.CompletedProcess]:
    # As in production, where `migrate` runs before the site and the worker start, the
    # database exists and has been opened once with the options before the writers race.
    # (Two first connections switching a fresh file to WAL at the same instant would
    # both want the exclusive lock, and SQLite refuses one without waiting.)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE hits (writer TEXT, n INTEGER)")
        if "journal_mode=WAL" in options.get("init_command", ""):
            db.execute("PRAGMA journal_mode=WAL")
    start = time.time() + 1.5  # both processes set up before either writes
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), json.dumps(options), name, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("site", "worker")
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def test_concurrent_writers_wait_for_each_other(tmp_path):
    path = tmp_path / "concurrent.sqlite3"
    results = write_at_once(path, base.SQLITE_OPTIONS)
    assert [r.returncode for r in results] == [0, 0], [r.stderr[-500:] for r in results]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM hits").fetchone() == (80,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_without_the_settings_concurrent_writers_fail(tmp_path):
    """The control: SQLite's defaults (deferred transactions, no busy wait) lose writes."""
    results = write_at_once(tmp_path / "plain.sqlite3", {"timeout": 0})
    assert any("database is locked" in r.stderr for r in results)
