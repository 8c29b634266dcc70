"""Search benchmark: latency, reindexing one claim and judged-query MRR for each backend.

Usage: python bench/search.py PATH/TO/fa-news.jsonl.gz [--repeat N]

Ingests the corpus and the bundled samples (search is built as part of ingest), then runs
the judged queries of tests/data/search/judged.jsonl through the search executor, times the
reindexing of one edited claim and a full rebuild_index: with Whoosh on a throwaway SQLite
database, and, when a PostgreSQL server is available (DATABASE_URL, else `scripts/postgres
url`), with the PostgreSQL backend on a throwaway database of that server. The same queries
also run against an SQLite FTS5 table of the same article texts (folded the same way).
Prints p95 and median latencies, MRR and the overlap of the top 10 results side by side.
Targets: p95 query <= 50 ms, reindex one claim <= 50 ms.
"""

import argparse
import io
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["HF_HUB_OFFLINE"] = "1"
# No worker runs beside a benchmark: tasks (reindexing after an edit) run where they are queued.
os.environ["FACTCHECK_TASKS"] = "immediate"


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)] * 1000


def judged_queries() -> list[dict]:
    return [
        json.loads(line)
        for line in (ROOT / "tests/data/search/judged.jsonl").read_text().splitlines()
        if line.strip()
    ]


def measure(corpus: str, repeat: int) -> dict:
    """Ingest, then time the judged queries and reindexing through the configured backend."""
    import logging

    import django

    django.setup()
    # The bench runs reindexing tasks itself: their two lines each would bury the figures.
    for name in ("django.tasks", "django_tasks_db"):
        logging.getLogger(name).setLevel(logging.WARNING)
    from django.core.management import call_command
    from django.db import transaction

    from articles.models import Article
    from factcheck.models import Claim, Statement
    from factcheck.search.query import SearchRequest, search
    from factcheck.search.sync import reindex

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    for target in (corpus, str(ROOT / "samples")):
        call_command("ingest", target, "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    ingest_seconds = time.perf_counter() - started
    started = time.perf_counter()
    call_command("rebuild_index", "--no-progress", stdout=io.StringIO())
    rebuild_seconds = time.perf_counter() - started

    latencies, ranks, top = [], [], {}
    for item in judged_queries():
        expected = Article.objects.get(**{k: v for k, v in item["expected"].items() if k != "type"})
        for _ in range(repeat):
            started = time.perf_counter()
            found = search(SearchRequest(item["query"], types=("article",), page_size=10))
            latencies.append(time.perf_counter() - started)
        ids = [h.obj_id for h in found.hits]
        top[item["query"]] = ids
        ranks.append(1 / (ids.index(expected.pk) + 1) if expected.pk in ids else 0.0)
    all_types = []
    for item in judged_queries():
        started = time.perf_counter()
        search(SearchRequest(item["query"], page_size=20))
        all_types.append(time.perf_counter() - started)

    # Reindex one edited claim.
    claim = Claim.objects.order_by("pk").first()
    reindex_times = []
    for index in range(10):
        claim.text = f"{claim.text} ویرایش {index}"
        with transaction.atomic():
            claim.save(update_fields=["text"])
        started = time.perf_counter()
        reindex("claim", {claim.pk})
        reindex_times.append(time.perf_counter() - started)
    return {
        "counts": [Article.objects.count(), Statement.objects.count(), Claim.objects.count()],
        "latencies": latencies,
        "all_types": all_types,
        "ranks": ranks,
        "top": top,
        "reindex": reindex_times,
        "ingest_seconds": ingest_seconds,
        "rebuild_seconds": rebuild_seconds,
    }


def fts5(whoosh_top: dict, repeat: int) -> dict:
    """SQLite FTS5 over the same article texts, folded by the same analyzer's term function."""
    from articles.models import Article
    from factcheck.nlp.text import fold_words
    from factcheck.search.analysis import term

    database = sqlite3.connect(":memory:")
    database.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body)")
    rows = Article.objects.values_list("pk", "title", "normalized_text")
    database.executemany(
        "INSERT INTO docs VALUES (?, ?)",
        (
            (pk, " ".join(t for t in (term(w) for w in f"{title} {text}".split()) if t))
            for pk, title, text in rows
        ),
    )
    latencies, ranks, top = [], [], {}
    for item in judged_queries():
        expected = Article.objects.get(**{k: v for k, v in item["expected"].items() if k != "type"})
        words = [term(w) for w in fold_words(item["query"]).replace('"', " ").split()]
        match = " OR ".join(f'"{w}"' for w in words if w)
        for _ in range(repeat):
            started = time.perf_counter()
            ids = [
                r[0]
                for r in database.execute(
                    "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10", (match,)
                )
            ]
            latencies.append(time.perf_counter() - started)
        ranks.append(1 / (ids.index(expected.pk) + 1) if expected.pk in ids else 0.0)
        top[item["query"]] = ids
    return {"latencies": latencies, "ranks": ranks, "top": top}


def postgres_server() -> str | None:
    """The PostgreSQL server to measure on: DATABASE_URL's, else scripts/postgres's."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url
    found = subprocess.run(
        [str(ROOT / "scripts/postgres"), "url"], capture_output=True, text=True, check=False
    )
    return found.stdout.strip() if found.returncode == 0 else None


def measure_postgres(server: str, corpus: str, repeat: int) -> dict:
    """The same measurement in a child process, on a throwaway database of ``server``."""
    import psycopg

    name = f"factcheck_bench_search_{os.getpid()}"
    base = server.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} ENCODING 'UTF8'")
    try:
        env = {
            **os.environ,
            "DATABASE_URL": f"{base}/{name}",
            "FACTCHECK_SEARCH_BACKEND": "postgres",
        }
        child = subprocess.run(
            [sys.executable, __file__, corpus, "--repeat", str(repeat), "--measure-only"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(child.stdout.strip().splitlines()[-1])
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def jaccard(one: dict, other: dict) -> float:
    return statistics.mean(
        len(set(one[q]) & set(other[q])) / max(1, len(set(one[q]) | set(other[q]))) for q in one
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["FACTCHECK_DATA_DIR"] = tempfile.mkdtemp()
    os.environ["DJANGO_SETTINGS_MODULE"] = "factcheck.settings.dev"
    if args.measure_only:  # the PostgreSQL child: its environment names the database
        print(json.dumps(measure(args.corpus, args.repeat)))
        return
    server = postgres_server()
    # Whoosh and FTS5 on a throwaway SQLite database, whatever DATABASE_URL says.
    os.environ.pop("DATABASE_URL", None)
    os.environ["FACTCHECK_SEARCH_BACKEND"] = "whoosh"
    whoosh = measure(args.corpus, args.repeat)
    sqlite_fts = fts5(whoosh["top"], args.repeat)
    columns = {"Whoosh": whoosh}
    if server:
        columns["PostgreSQL"] = measure_postgres(server, args.corpus, args.repeat)
    else:
        print(
            "PostgreSQL: no server (set DATABASE_URL or run scripts/postgres start); not measured"
        )
    columns["SQLite FTS5"] = sqlite_fts

    articles, statements, claims = whoosh["counts"]
    print(f"documents: {articles} articles, {statements} statements, {claims} claims")
    print(f"judged queries: {len(whoosh['ranks'])}, each run {args.repeat} times")

    def row(label: str, value, fmt: str = ".1f") -> None:
        cells = []
        for figures in columns.values():
            shown = value(figures)
            cells.append(f"{shown:>14{fmt}}" if shown is not None else f"{'':>14}")
        print(f"{label:36}{''.join(cells)}")

    print(f"{'':36}{''.join(f'{name:>14}' for name in columns)}")
    row("p95 query, articles (ms)", lambda f: p95(f["latencies"]))
    row("median query, articles (ms)", lambda f: statistics.median(f["latencies"]) * 1000)
    row(
        "p95 query, all types + facets (ms)",
        lambda f: p95(f["all_types"]) if "all_types" in f else None,
    )
    row("mean reciprocal rank", lambda f: statistics.mean(f["ranks"]), ".3f")
    row("top-10 overlap with Whoosh (Jaccard)", lambda f: jaccard(whoosh["top"], f["top"]), ".3f")
    row(
        "reindex one claim, median (ms)",
        lambda f: statistics.median(f["reindex"]) * 1000 if "reindex" in f else None,
    )
    row("reindex one claim, p95 (ms)", lambda f: p95(f["reindex"]) if "reindex" in f else None)
    row("ingest corpus + samples (s)", lambda f: f.get("ingest_seconds"))
    row("rebuild_index (s)", lambda f: f.get("rebuild_seconds"))
    print("targets: p95 query <= 50 ms, reindex one claim <= 50 ms")


if __name__ == "__main__":
    main()
