"""DATABASE_URL and FACTCHECK_SEARCH_BACKEND as the settings read them."""

import os
import subprocess
import sys

from factcheck.settings.base import SQLITE_OPTIONS, database_from_url
from tests.commands import ROOT, run_manage


def test_postgres_url_keeps_connections_and_checks_them():
    config = database_from_url("postgres://kb:secret@db.example:6543/facts")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["HOST"], config["PORT"]) == (
        "facts",
        "kb",
        "db.example",
        6543,
    )
    assert config["CONN_MAX_AGE"] == 60 and config["CONN_HEALTH_CHECKS"] is True


def test_sqlite_url_keeps_wal_and_the_busy_timeout(tmp_path):
    config = database_from_url(f"sqlite:///{tmp_path}/kb.sqlite3")
    assert config["NAME"] == f"{tmp_path}/kb.sqlite3"
    assert config["OPTIONS"] == SQLITE_OPTIONS
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def run_check(**env: str) -> subprocess.CompletedProcess:
    """`manage.py check` on SQLite with these variables."""
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "FACTCHECK_SEARCH_BACKEND"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="factcheck.settings.dev")
    return run_manage(environment, "check")


def test_unknown_search_backend_is_refused(tmp_path):
    result = run_check(FACTCHECK_DATA_DIR=str(tmp_path), FACTCHECK_SEARCH_BACKEND="solr")
    assert result.returncode != 0
    assert "FACTCHECK_SEARCH_BACKEND is 'solr'" in result.stderr


def test_by_default_the_database_is_sqlite_in_the_data_dir_and_search_whoosh(tmp_path):
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "FACTCHECK_SEARCH_BACKEND"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="factcheck.settings.dev", FACTCHECK_DATA_DIR=str(tmp_path)
    )
    code = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['NAME'], settings.FACTCHECK_SEARCH_BACKEND)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == [str(tmp_path / "factcheck.sqlite3"), "whoosh"], result.stderr


def test_postgres_search_backend_needs_a_postgresql_database(tmp_path):
    result = run_check(FACTCHECK_DATA_DIR=str(tmp_path), FACTCHECK_SEARCH_BACKEND="postgres")
    assert result.returncode != 0
    assert "needs DATABASE_URL to name a PostgreSQL database" in result.stderr
