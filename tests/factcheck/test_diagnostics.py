"""A database that cannot be used ends a command with one line saying why, not a traceback."""

import os
import shutil
import subprocess

import pytest

from factcheck.diagnostics import data_folder_problem
from tests.commands import run_manage


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The embedded default (SQLite, Whoosh) whatever engine the suite runs on, unless a test
    # names another database.
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="factcheck.settings.dev", FACTCHECK_SEARCH_BACKEND="whoosh", **env
    )
    return run_manage(environment, *args)


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody can write to: permissions for a user, a read-only tmpfs for root."""
    folder = tmp_path / "data"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if not shutil.which("mount"):
        pytest.skip("root without mount: no way to make a folder read-only")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs here: {mounted.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", "--lazy", str(folder)], check=False)


def test_a_writable_folder_has_no_problem(tmp_path):
    assert data_folder_problem(tmp_path) == ""


def test_a_missing_folder_is_named(tmp_path):
    assert "does not exist" in data_folder_problem(tmp_path / "nowhere")


def test_read_only_data_folder_is_named_by_commands(read_only_folder):
    assert "read-only" in data_folder_problem(read_only_folder)
    for command in (["migrate"], ["ingest", "samples/fa-news-sample.jsonl"], ["rebuild_index"]):
        done = manage(*command, FACTCHECK_DATA_DIR=str(read_only_folder))
        assert done.returncode == 1, command
        assert "Traceback" not in done.stderr
        assert f"error: the data folder {read_only_folder} is read-only" in done.stderr
    assert list(read_only_folder.iterdir()) == []  # nothing half-written


def test_a_data_folder_that_cannot_be_created_is_named(read_only_folder):
    done = manage("migrate", FACTCHECK_DATA_DIR=str(read_only_folder / "sub"))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"FACTCHECK_DATA_DIR {read_only_folder / 'sub'} cannot be created" in done.stderr


def test_unreachable_database_server_is_named(tmp_path):
    done = manage(
        "ingest",
        "samples/fa-news-sample.jsonl",
        FACTCHECK_DATA_DIR=str(tmp_path),
        DATABASE_URL="postgres://factcheck@127.0.0.1:9/factcheck",
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: the database server cannot be reached")
    assert "DATABASE_URL" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
