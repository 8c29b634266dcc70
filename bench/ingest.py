"""Ingest benchmark: the whole corpus through `manage.py ingest`, against hazm normalisation.

Usage: python bench/ingest.py PATH/TO/fa-news.jsonl.gz

Prints the time to build one hazm Normalizer and normalise every text once (the baseline,
the median of three runs: it varies by a tenth from run to run), the time to ingest every
article with everything ingest does (decode, parse, normalise, extract, store articles,
speakers, statements and claims in SQLite, and write the search index), their ratio and
articles per second. The target is a ratio of at most 5 with search indexing included (4
before search existed). It runs ingest into throwaway data folders: as shipped (NLP in a
worker process beside the writer; the median of three runs, like the baseline) and once with
--workers 0 (everything in one process), and prints both.
"""

import gzip
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["HF_HUB_OFFLINE"] = "1"
# No worker runs beside a benchmark: tasks (reindexing after an edit) run where they are queued.
os.environ["FACTCHECK_TASKS"] = "immediate"


def baseline(texts: list[str]) -> float:
    import hazm

    started = time.perf_counter()
    normalizer = hazm.Normalizer()
    for text in texts:
        normalizer.normalize(text)
    return time.perf_counter() - started


def ingest_once(corpus: str, workers: int) -> tuple[float, str, tuple[int, int, int]]:
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article
    from factcheck.models import Claim, Statement

    with tempfile.TemporaryDirectory() as data_dir:
        connection.close()
        connection.settings_dict["NAME"] = str(Path(data_dir) / "bench.sqlite3")
        call_command("migrate", verbosity=0)
        out = io.StringIO()
        started = time.perf_counter()
        call_command(
            "ingest",
            corpus,
            "--no-progress",
            f"--workers={workers}",
            stdout=out,
            stderr=io.StringIO(),
        )
        seconds = time.perf_counter() - started
        counts = (Article.objects.count(), Statement.objects.count(), Claim.objects.count())
        connection.close()
    return seconds, out.getvalue().strip(), counts


def main(corpus: str) -> None:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    os.environ["FACTCHECK_DATA_DIR"] = tempfile.mkdtemp()
    os.environ["DJANGO_SETTINGS_MODULE"] = "factcheck.settings.dev"
    # A throwaway SQLite database with Whoosh, whatever DATABASE_URL names.
    os.environ.pop("DATABASE_URL", None)
    os.environ["FACTCHECK_SEARCH_BACKEND"] = "whoosh"
    import django

    django.setup()
    from factcheck.pipeline import default_workers

    base = statistics.median(baseline(texts) for _ in range(3))
    workers = default_workers()
    print(f"articles in corpus:         {len(texts)}")
    print(f"hazm Normalizer baseline:   {base:.2f} s (median of 3)")
    # The shipped configuration is timed three times like the baseline: one run of ~25 s
    # varies by a second or two with the machine's load, which moves the ratio by 0.3.
    for label, count, runs in ((f"{workers} worker(s)", workers, 3), ("one process", 0, 1)):
        timed = [ingest_once(corpus, count) for _ in range(runs)]
        seconds = statistics.median(t[0] for t in timed)
        summary, stored = timed[0][1], timed[0][2]
        spread = (
            f" (median of {runs}: {', '.join(f'{t[0]:.1f}' for t in timed)})" if runs > 1 else ""
        )
        print(
            f"ingest, {label + ':':17} {seconds:.2f} s, ratio {seconds / base:.2f} (target <= 5), "
            f"{len(texts) / seconds:.0f} articles/s{spread}"
        )
    print(f"ingest summary:             {summary}")
    print(
        f"stored:                     {stored[0]} articles, {stored[1]} statements, {stored[2]} claims"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
