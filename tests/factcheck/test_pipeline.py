"""The worker pipeline gives the same knowledge base as in-process analysis."""

import json
import os
from pathlib import Path

from articles.parsed import IngestError, ParsedArticle
from factcheck.pipeline import analysed
from tests.commands import run_manage


def test_analysed_in_process_keeps_order_and_errors():
    items = [
        ("a", ParsedArticle(text="تیتر\nعلی رضایی گفت: سلام بر همه.")),
        ("b", IngestError("b: broken")),
        ("c", ParsedArticle(text="تیتر دوم")),
    ]
    result = list(analysed(items, workers=0))
    assert [label for label, _, _ in result] == ["a", "b", "c"]
    assert all(analysis is None for _, _, analysis in result)


def _ingest_and_dump(tmp_path: Path, workers: int, database: dict[str, str]) -> list:
    env = dict(os.environ, FACTCHECK_DATA_DIR=str(tmp_path / f"w{workers}"), **database)
    env["DJANGO_SETTINGS_MODULE"] = "factcheck.settings.dev"
    run = lambda *args: run_manage(env, *args, timeout=300, check=True)  # noqa: E731
    run("migrate", "-v0")
    out = run("ingest", "samples/", "--no-progress", f"--workers={workers}").stdout
    assert out.strip().splitlines()[-1].startswith("new 41,")
    dump = run(
        "shell",
        "-c",
        "import json; from factcheck.models import Statement;"
        "print(json.dumps(list(Statement.objects.order_by('article__content_hash', 'start')"
        ".values_list('article__content_hash', 'start', 'end', 'speaker__name', 'kind'))))",
    ).stdout
    return json.loads(dump.strip().splitlines()[-1])


def test_ingest_with_worker_processes_matches_in_process(tmp_path, subprocess_database):
    with_worker = _ingest_and_dump(tmp_path, 1, subprocess_database("w1"))
    assert with_worker == _ingest_and_dump(tmp_path, 0, subprocess_database("w0"))
