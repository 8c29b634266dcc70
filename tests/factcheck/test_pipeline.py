"""The worker pipeline gives the same knowledge base as in-process analysis."""

import json
import os
import subprocess
import sys
from pathlib import Path

from articles.parsed import IngestError, ParsedArticle
from factcheck.pipeline import analysed
from tests.commands import ROOT, run_manage


def test_analysed_in_process_keeps_order_and_errors():
    items = [
        ("a", ParsedArticle(text="تیتر\nعلی رضایی گفت: سلام بر همه.")),
        ("b", IngestError("b: broken")),
        ("c", ParsedArticle(text="تیتر دوم")),
    ]
    result = list(analysed(items, workers=0))
    assert [label for label, _, _ in result] == ["a", "b", "c"]
    assert all(analysis is None for _, _, analysis in result)


# Run in a fresh process: analysed() forks workers only from a single-threaded process, and
# other tests leave threads behind.
_WORKER_CHECK = """
import json
from articles.parsed import IngestError, ParsedArticle
from factcheck import nlp, pipeline

analyse_here, taken = pipeline._analyse_one_here, []


def counted(pending):
    taken.append(analyse_here(pending))
    return taken[-1]


pipeline._analyse_one_here = counted
texts = [f"تیتر {n}\\nعلی رضایی گفت: امسال {n} مدرسه ساخته می‌شود." for n in range(40)]
items = [(str(n), ParsedArticle(text=text)) for n, text in enumerate(texts)]
items.insert(5, ("bad", IngestError("bad: broken")))
result = list(pipeline.analysed(items, workers=1))
print(json.dumps({
    "order": [label for label, _, _ in result] == [label for label, _ in items],
    "same": [a for label, _, a in result if label != "bad"]
    == [nlp.analyse_article(text) for text in texts],
    "error_kept": result[5][2] is None,
    "taken_here": any(taken),
}))
"""


def test_analysed_with_a_worker_gives_in_process_results_in_order():
    """The main process analyses queued articles itself while it waits for the worker (here
    it never has anything else to do): results are the same and in input order."""
    done = subprocess.run(
        [sys.executable, "-c", _WORKER_CHECK],
        cwd=ROOT,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    checks = json.loads(done.stdout.strip().splitlines()[-1])
    assert checks == {"order": True, "same": True, "error_kept": True, "taken_here": True}


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
