"""Ingest benchmark: the whole corpus through `manage.py ingest`, against hazm normalisation.

Usage: python bench/ingest.py PATH/TO/fa-news.jsonl.gz

Prints the time to build one hazm Normalizer and normalise every text once (the baseline),
the time to ingest every article with everything ingest does (decode, parse, normalise,
extract, store articles, speakers, statements and claims in SQLite), their ratio and
articles per second. The target is a ratio of at most 4. Runs in a throwaway data folder.
"""

import gzip
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["HF_HUB_OFFLINE"] = "1"


def baseline(texts: list[str]) -> float:
    import hazm

    started = time.perf_counter()
    normalizer = hazm.Normalizer()
    for text in texts:
        normalizer.normalize(text)
    return time.perf_counter() - started


def main(corpus: str) -> None:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["FACTCHECK_DATA_DIR"] = data_dir
        os.environ["DJANGO_SETTINGS_MODULE"] = "factcheck.settings.dev"
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        base = baseline(texts)
        out = io.StringIO()
        started = time.perf_counter()
        call_command("ingest", corpus, "--no-progress", stdout=out, stderr=io.StringIO())
        ingest = time.perf_counter() - started
        from articles.models import Article
        from factcheck.models import Claim, Statement

        counts = (Article.objects.count(), Statement.objects.count(), Claim.objects.count())
    print(f"articles in corpus:         {len(texts)}")
    print(f"ingest summary:             {out.getvalue().strip()}")
    print(
        f"stored:                     {counts[0]} articles, {counts[1]} statements, {counts[2]} claims"
    )
    print(f"hazm Normalizer baseline:   {base:.2f} s")
    print(f"ingest (everything):        {ingest:.2f} s")
    print(f"ratio ingest / baseline:    {ingest / base:.2f}  (target <= 4)")
    print(f"articles per second:        {len(texts) / ingest:.1f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
