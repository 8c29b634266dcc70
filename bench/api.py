"""API benchmark: the claims list (page of 50) against a bare Django view.

Usage: python bench/api.py PATH/TO/fa-news.jsonl.gz [--requests N]

Ingests the corpus into a throwaway database, publishes verdicts on some claims, then serves
GET /api/v1/claims/?page_size=50 and a bare view (same middleware) that returns the same 50
claim rows as JSON from values(), through Django's full request handling in this process.
Prints requests per second of each and their ratio (target: at least 0.25, aim 0.5).
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ["HF_HUB_OFFLINE"] = "1"
# No worker runs beside a benchmark: tasks (reindexing after an edit) run where they are queued.
os.environ["FACTCHECK_TASKS"] = "immediate"
os.environ["FACTCHECK_ANON_RATE"] = ""  # measure the views, not the throttle


def rate(client, path: str, requests: int) -> float:
    for _ in range(10):
        assert client.get(path).status_code == 200
    started = time.perf_counter()
    for _ in range(requests):
        client.get(path)
    return requests / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    os.environ["FACTCHECK_DATA_DIR"] = tempfile.mkdtemp()
    os.environ["DJANGO_SETTINGS_MODULE"] = "factcheck.settings.dev"
    # A throwaway SQLite database with Whoosh, whatever DATABASE_URL names.
    os.environ.pop("DATABASE_URL", None)
    os.environ["FACTCHECK_SEARCH_BACKEND"] = "whoosh"
    import django
    from django.conf import settings

    django.setup()
    settings.ROOT_URLCONF = "bench_urls"
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.test import Client

    from factcheck import editorial
    from factcheck.models import Claim

    call_command("migrate", verbosity=0)
    call_command("ingest", args.corpus, "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    editor = User.objects.create_user("bench-editor")
    editor.groups.add(Group.objects.get(name="editors"))
    for claim in Claim.objects.order_by("-first_seen_at", "-id")[:300:3]:
        editorial.verdict_create(
            claim=claim, editor=editor, rating="half-true", summary="محک", publish=True
        )

    client = Client(SERVER_NAME="127.0.0.1")
    api_path, bare_path = "/api/v1/claims/?page_size=50", "/bench/bare-claims/"
    assert len(client.get(api_path).json()["results"]) == 50
    # Alternate the two, so a busy moment of the machine does not favour either.
    api_rates, bare_rates = [], []
    for _ in range(3):
        api_rates.append(rate(client, api_path, args.requests // 3))
        bare_rates.append(rate(client, bare_path, args.requests // 3))
    api, bare = max(api_rates), max(bare_rates)
    print(f"claims in knowledge base:   {Claim.objects.count()}")
    print(f"bare values() view:         {bare:.0f} requests/s")
    print(f"API claims list (50 rows):  {api:.0f} requests/s")
    print(f"ratio API / bare:           {api / bare:.2f}  (target >= 0.25, aim 0.5)")


if __name__ == "__main__":
    main()
