"""Load and fault exercises against a real gunicorn server and a real task worker.

Usage: python bench/load.py PATH/TO/fa-news.jsonl.gz [--seconds 30] [--skip-faults]

Sets up a throwaway data folder (SQLite under FACTCHECK_DATA_DIR, or with DATABASE_URL a
throwaway PostgreSQL database beside the one it names), ingests the corpus but for the last
articles, starts gunicorn with the production settings and one `db_worker`, then for
--seconds runs API readers, page readers, an editor publishing verdicts through the API and
`manage.py ingest` of the kept articles at once, and prints throughput, latency and errors
per group. Then the faults: the worker killed with SIGKILL in the middle of fetch tasks and
restarted, the database locked longer than the busy timeout (SQLite) or stopped (PostgreSQL,
with `scripts/postgres`), the data folder full, and the data folder read-only (SQLite).
Every process and mount it starts is stopped on the way out.
"""

import argparse
import gzip
import html
import http.server
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
KEPT = {  # articles kept out of the first ingest, by what they are used for
    "load": 200,  # ingested while the readers run
    "worker killed": 40,  # fetched by tasks while the worker is killed
    "full": 20,  # ingested while the data folder is full, then once it has room
    "read-only": 20,  # ingested while the data folder is read-only, then once writable
}
DATA_FOLDER_SIZE = "1g"  # the tmpfs holding the data folder (about 150 MB used)
RATINGS = ["true", "mostly-true", "half-true", "misleading", "mostly-false", "false"]


# --- processes -----------------------------------------------------------------------------


class Processes:
    """Every child process this script starts, each in its own process group."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen] = []

    def start(self, args: list[str], log: Path) -> subprocess.Popen:
        with open(log, "ab") as out:
            process = subprocess.Popen(
                args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.running.append(process)
        return process

    def stop(self, process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
        if process.poll() is None:
            os.killpg(process.pid, sig)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if process in self.running:
            self.running.remove(process)

    def stop_all(self) -> None:
        for process in list(self.running):
            self.stop(process)


def manage(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, capture_output=True, text=True, check=check
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.2)


# --- HTTP ----------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    seconds: float
    body: bytes
    content_type: str = ""


def request(url: str, *, data: dict | None = None, token: str = "", timeout=90) -> Reply:
    headers = {"Accept": "application/json, text/html"}
    body = None
    if data is not None:
        body = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Token {token}"
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=body, headers=headers), timeout=timeout
        ) as response:
            content = response.read()
            status, kind = response.status, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        content, status = error.read(), error.code
        kind = error.headers.get("Content-Type", "")
    except (OSError, urllib.error.URLError) as error:
        content, status, kind = str(error).encode(), 0, ""
    return Reply(status, time.perf_counter() - started, content, kind)


def publish_verdict(base: str, token: str, claim: int, rating: str, summary: str) -> Reply:
    """An editor publishing a verdict on a claim through the API."""
    return request(
        f"{base}/api/v1/claims/{claim}/verdicts/",
        token=token,
        data={"rating": rating, "summary": summary, "publish": True},
    )


@dataclass
class Group:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, reply: Reply, ok_statuses=(200,)) -> None:
        with self.lock:
            self.latencies.append(reply.seconds)
            if reply.status not in ok_statuses:
                self.errors.append(f"{reply.status} {path}: {reply.body[:120]!r}")

    def row(self, seconds: float) -> str:
        lat = sorted(self.latencies) or [0.0]
        p95 = lat[min(len(lat) - 1, int(len(lat) * 0.95))]
        return (
            f"| {self.name} | {len(self.latencies)} | {len(self.latencies) / seconds:.1f} "
            f"| {statistics.median(lat) * 1000:.0f} | {p95 * 1000:.0f} | {len(self.errors)} |"
        )


# --- setup ---------------------------------------------------------------------------------


def corpus_split(corpus: Path, folder: Path) -> tuple[Path, dict[str, list[dict]]]:
    """The corpus but for the last articles (a JSONL file), and those kept back, by use."""
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    cut = len(records) - sum(KEPT.values())
    main = folder / "main.jsonl"
    write_jsonl(main, records[:cut])
    kept = {}
    for use, count in KEPT.items():
        kept[use], cut = records[cut : cut + count], cut + count
    return main, kept


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), "utf-8"
    )


def environment(data_dir: Path, port: int) -> None:
    os.environ.update(
        FACTCHECK_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="factcheck.settings.prod",
        DJANGO_SECRET_KEY="load-bench-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",  # plain HTTP on the loopback, no proxy
        FACTCHECK_ANON_RATE="",  # measure the site, not the per-address throttle
        FACTCHECK_ALLOW_PRIVATE_URLS="true",  # fetch tasks read the local article server
        FACTCHECK_TASKS="database",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        HF_HUB_OFFLINE="1",
    )


def knowledge_base_setup(main: Path) -> str:
    """Migrate, collect static files, ingest, and make an editor; returns the API token."""
    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput")
    started = time.perf_counter()
    print(manage("ingest", str(main), "--no-progress").stdout.strip().splitlines()[-1])
    print(f"  initial ingest took {time.perf_counter() - started:.0f} s")
    manage("add_editor", "load-editor")
    return manage("drf_create_token", "load-editor").stdout.split()[2]


def django_setup() -> None:
    """This process reads the database through the ORM for the checks (same settings)."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- the load run --------------------------------------------------------------------------


@dataclass
class Targets:
    claims: list[int]
    speakers: list[int]
    articles: list[int]
    words: list[str]


def targets() -> Targets:
    from articles.models import Article
    from factcheck.models import Claim, Speaker

    claims = list(Claim.objects.order_by("?").values_list("pk", flat=True)[:300])
    words = []
    for text in Claim.objects.filter(pk__in=claims[:60]).values_list("text", flat=True):
        words.extend(w for w in text.split() if len(w) > 3)
    return Targets(
        claims=claims,
        speakers=list(Speaker.objects.order_by("?").values_list("pk", flat=True)[:200]),
        articles=list(Article.objects.order_by("?").values_list("pk", flat=True)[:300]),
        words=words[:200],
    )


def api_paths(t: Targets) -> list[Callable[[], str]]:
    return [
        lambda: f"/api/v1/claims/?page={random.randint(1, 20)}",
        lambda: f"/api/v1/claims/{random.choice(t.claims)}/",
        lambda: "/api/v1/search/?q=" + urllib.request.quote(random.choice(t.words)),
    ]


def page_paths(t: Targets) -> list[Callable[[], str]]:
    return [
        lambda: "/",
        lambda: f"/claims/?page={random.randint(1, 20)}",
        lambda: f"/claims/{random.choice(t.claims)}/",
        lambda: f"/speakers/{random.choice(t.speakers)}/",
        lambda: f"/articles/{random.choice(t.articles)}/",
    ]


def reader(base: str, paths, group: Group, stop: threading.Event) -> None:
    while not stop.is_set():
        path = random.choice(paths)()
        group.record(path, request(base + path))


def editor(base, token, claims, group, published: dict[int, str], stop, every=0.5) -> None:
    while not stop.is_set():
        claim, rating = random.choice(claims), random.choice(RATINGS)
        path = f"/api/v1/claims/{claim}/verdicts/"
        reply = request(
            base + path,
            data={"rating": rating, "summary": "بررسی بار", "publish": True},
            token=token,
        )
        group.record(path, reply, ok_statuses=(201,))
        if reply.status == 201:
            published[claim] = rating
        stop.wait(max(0.0, every - reply.seconds))


def load_run(base: str, token: str, kept: Path, seconds: float, readers: int) -> None:
    t = targets()
    api, pages, edits = Group("API readers"), Group("page readers"), Group("editor writes")
    published: dict[int, str] = {}
    stop = threading.Event()
    threads = [
        threading.Thread(target=reader, args=(base, api_paths(t), api, stop))
        for _ in range(readers)
    ] + [
        threading.Thread(target=reader, args=(base, page_paths(t), pages, stop))
        for _ in range(readers)
    ]
    threads.append(
        threading.Thread(target=editor, args=(base, token, t.claims, edits, published, stop))
    )
    print(
        f"\n== load: {readers} API readers, {readers} page readers, 1 editor, ingest, "
        f"{seconds:.0f} s =="
    )
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    ingest = subprocess.Popen(
        [PYTHON, "manage.py", "ingest", str(kept), "--no-progress"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    ingest_out, _ = ingest.communicate()
    ingest_seconds = time.perf_counter() - started
    time.sleep(max(0.0, seconds - ingest_seconds))
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    print("| group | requests | per second | p50 ms | p95 ms | errors |")
    print("| --- | --- | --- | --- | --- | --- |")
    for group in (api, pages, edits):
        print(group.row(elapsed))
    summary = ingest_out.strip().splitlines()[-1] if ingest_out.strip() else ""
    print(
        f"| ingest {KEPT['load']} articles | {summary} | "
        f"{KEPT['load'] / ingest_seconds:.1f} articles/s | {ingest_seconds:.1f} s total "
        f"| | exit {ingest.returncode} |"
    )
    for group in (api, pages, edits):
        for error in group.errors[:3]:
            print(f"  {group.name} error: {error}")
    verdicts_visible(base, published)


def verdicts_visible(base: str, published: dict[int, str]) -> None:
    wrong = []
    for claim, rating in published.items():
        reply = request(f"{base}/api/v1/claims/{claim}/")
        current = json.loads(reply.body).get("current_verdict") or {}
        if current.get("rating") != rating:
            wrong.append((claim, rating, current.get("rating")))
    verdict(
        not wrong,
        f"{len(published)} claims got published verdicts; the last one of "
        f"each is the current verdict in the API ({len(wrong)} not)",
    )


def verdict(held: bool, what: str) -> bool:
    print(f"  [{'ok' if held else 'FAILED'}] {what}")
    return held


# --- fault: the worker killed in the middle of fetch tasks ------------------------------


def article_page(record: dict) -> bytes:
    lines = record["text"].split("\n")
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    return (
        "<!doctype html><html lang='fa'><head><meta charset='utf-8'>"
        f"<title>{html.escape(record['title'])}</title>"
        f"<meta property='og:site_name' content='{html.escape(record['source'])}'>"
        f"</head><body><article><h1>{html.escape(record['title'])}</h1>{paragraphs}"
        "</article></body></html>"
    ).encode()


@contextmanager
def article_server(records: list[dict], delay: float):
    """Serves each record as /a/INDEX.html, slowly, so the worker is caught mid-task."""
    pages = {f"/a/{i}.html": article_page(r) for i, r in enumerate(records)}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            time.sleep(delay)
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            with suppress(BrokenPipeError):  # the worker was killed while reading
                self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield [f"http://127.0.0.1:{server.server_port}{path}" for path in pages]
    finally:
        server.shutdown()
        server.server_close()


def fault_worker_killed(procs: Processes, start_worker, records: list[dict]) -> None:
    from django.db import close_old_connections
    from django_tasks_db.models import DBTaskResult

    from articles.models import Article
    from factcheck.tasks import url_ingest

    print("\n== fault: worker killed (SIGKILL) in the middle of fetch tasks, then restarted ==")
    with article_server(records, delay=0.3) as urls:
        worker = procs.running[-1]
        ids = [url_ingest.enqueue(url, "").id for url in urls]
        fetches = DBTaskResult.objects.filter(pk__in=ids)

        def third_done_and_one_running() -> bool:
            close_old_connections()
            return (
                fetches.filter(status="SUCCESSFUL").count() >= len(ids) // 3
                and fetches.filter(status="RUNNING").exists()
            )

        wait_until(third_done_and_one_running, 120, "a third of the fetch tasks")
        procs.stop(worker, signal.SIGKILL)
        stuck = list(fetches.filter(status="RUNNING").values_list("pk", flat=True))
        done = fetches.filter(status="SUCCESSFUL").count()
        print(
            f"  killed the worker after {done}/{len(ids)} fetch tasks; "
            f"{len(stuck)} left marked RUNNING by the dead worker"
        )
        requeue = manage("requeue_stale_tasks", "--older-than", "0")
        print(
            f"  before restarting: manage.py requeue_stale_tasks --older-than 0: "
            f"{requeue.stdout.strip()}"
        )
        start_worker()

        def queue_empty() -> bool:
            close_old_connections()
            return not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()

        wait_until(queue_empty, 300, "the queue to empty after the restart")
        counts = {url: Article.objects.filter(url=url).count() for url in urls}
        failed = fetches.filter(status="FAILED").count()
    lost = [url for url, n in counts.items() if n == 0]
    doubled = [url for url, n in counts.items() if n > 1]
    verdict(
        not lost and not doubled and failed == 0,
        f"{len(urls)} articles fetched: every one stored exactly once "
        f"(lost {len(lost)}, duplicated {len(doubled)}, failed tasks {failed})",
    )
    verdict(
        not DBTaskResult.objects.filter(pk__in=stuck, status="RUNNING").exists(),
        f"the {len(stuck)} task(s) the dead worker held were run again, none left RUNNING",
    )


# --- fault: the database unavailable for a moment ------------------------------------------


def clear_error(reply: Reply) -> bool:
    """An error a reader can read: 503 with JSON or an HTML page, and no traceback."""
    text = reply.body.decode("utf-8", "replace")
    return reply.status == 503 and "Traceback" not in text and len(text) > 20


def fault_database_unavailable(base: str, token: str, claim: int) -> None:
    print("\n== fault: database unavailable for a moment ==")
    url = os.environ.get("DATABASE_URL", "")
    replies: dict[str, list[Reply]] = {"read": [], "write": []}
    with database_outage(url) as outage:
        if outage is None:
            return
        print(f"  {outage}")

        def write():
            replies["write"].append(publish_verdict(base, token, claim, "false", "در زمان قطع"))

        writer = threading.Thread(target=write)
        writer.start()
        for path in ("/api/v1/claims/", f"/claims/{claim}/", "/"):
            replies["read"].append(request(base + path))
        writer.join()
    for kind, got in replies.items():
        for reply in got:
            print(
                f"  {kind} during the outage: {reply.status} in {reply.seconds:.1f} s, "
                f"{reply.content_type}: {reply.body[:100].decode('utf-8', 'replace')!r}"
            )
    ok_or_clear = all(r.status in (200, 201) or clear_error(r) for g in replies.values() for r in g)
    verdict(
        ok_or_clear,
        "every request during the outage succeeded or got a clear 503 "
        "(JSON for the API, a page for the site), no traceback",
    )
    after = [
        request(base + "/api/v1/claims/"),
        publish_verdict(base, token, claim, "true", "پس از قطع"),
    ]
    verdict(
        [r.status for r in after] == [200, 201],
        f"after the outage, without a restart: read {after[0].status}, write {after[1].status}",
    )


@contextmanager
def database_outage(url: str):
    if url.startswith(("postgres://", "postgresql://")):
        script = ROOT / "scripts" / "postgres"
        if not script.exists():
            print("  skipped: scripts/postgres is not in this checkout")
            yield None
            return
        subprocess.run([str(script), "stop"], cwd=ROOT, check=True)
        try:
            yield "PostgreSQL stopped (scripts/postgres stop)"
        finally:
            subprocess.run([str(script), "start"], cwd=ROOT, check=True, capture_output=True)
            from django.db import connections

            connections.close_all()  # this process's own connection died with the server
        return
    # SQLite: a file cannot be taken away from open connections without corrupting WAL, so
    # another process holds the write lock longer than the 30 s busy timeout: writers wait,
    # then fail; readers go on (WAL).
    from django.conf import settings

    path = settings.DATABASES["default"]["NAME"]
    holder = sqlite3.connect(path, timeout=60, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    locked_at = time.monotonic()
    try:
        yield "SQLite write lock held by another process for 32 s (busy timeout 30 s)"
        time.sleep(max(0.0, 32 - (time.monotonic() - locked_at)))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# --- fault: the data folder full -----------------------------------------------------------


def tmpfs_mount(folder: Path) -> bool:
    """The data folder on a tmpfs of its own, so it can be filled without filling the disk."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DATA_FOLDER_SIZE}", "tmpfs", str(folder)],
        capture_output=True,
    )
    return done.returncode == 0


def fill(folder: Path) -> Path:
    """Take every free byte of the folder's file system."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for size in (1 << 20, 4096, 1):
            try:
                while True:
                    os.write(descriptor, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(descriptor)
    return filler


def consistency() -> tuple[str, int, int]:
    """SQLite's integrity check (\"ok\" elsewhere), and the articles and statements stored."""
    from django.db import close_old_connections, connection

    from articles.models import Article
    from factcheck.models import Statement

    close_old_connections()
    check = "ok"
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            check = cursor.execute("PRAGMA integrity_check").fetchone()[0]
    return check, Article.objects.count(), Statement.objects.count()


def fault_data_folder_full(base, token, data: Path, work: Path, records: list[dict]) -> None:
    print("\n== fault: data folder full (tmpfs filled to the last byte) ==")
    batch = work / "full.jsonl"
    write_jsonl(batch, records)
    claim = targets().claims[1]
    _, articles_before, statements_before = consistency()
    filler = fill(data)
    try:
        edit = publish_verdict(base, token, claim, "misleading", "دیسک پر")
        print(
            f"  editor publishes a verdict: {edit.status} "
            f"{edit.body[:120].decode('utf-8', 'replace')!r}"
        )
        ingest = manage("ingest", str(batch), "--no-progress", check=False)
        output = (ingest.stdout + ingest.stderr).strip()
        print(f"  manage.py ingest of {len(records)} articles: exit {ingest.returncode}")
        for line in output.splitlines()[-4:]:
            print(f"    {line[:160]}")
        check, articles, statements = consistency()
        verdict(
            edit.status in (201, 503) and "Traceback" not in edit.body.decode("utf-8", "replace"),
            "the edit succeeded or got a clear 503",
        )
        verdict("Traceback" not in output, "ingest reported the failure without a traceback")
    finally:
        filler.unlink()
    check, articles, statements = consistency()
    verdict(check == "ok", f"database integrity check after the fault: {check}")
    print(
        f"  articles {articles_before} -> {articles}, statements {statements_before} -> "
        f"{statements}"
    )
    works_again(base, token, claim, batch, articles_before + len(records), "with room again")


# --- fault: the data folder read-only -------------------------------------------------------


def remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True)


def fault_data_folder_read_only(procs, start_site, base, token, data: Path, work: Path, records):
    """The folder turned read-only while the site is down (a full disk remounted read-only by
    the kernel, a wrong volume mount, wrong permissions), the site started on it, then made
    writable again: commands and requests say what is wrong, and nothing is damaged."""
    from django.db import connections

    print("\n== fault: data folder read-only (the tmpfs remounted ro, the site restarted on it) ==")
    batch = work / "read-only.jsonl"
    write_jsonl(batch, records)
    claim = targets().claims[2]
    _, articles_before, statements_before = consistency()
    procs.stop_all()  # a file system with files open for writing cannot become read-only
    connections.close_all()
    remount(data, "ro")
    try:
        start_site()
        wait_until(lambda: request(base + "/api/v1/").status in (200, 503), 60, "gunicorn")
        replies = {
            "read API": request(base + "/api/v1/claims/"),
            "read page": request(f"{base}/claims/{claim}/"),
            "search": request(base + "/api/v1/search/?q=" + urllib.parse.quote("وزیر")),
            "edit": publish_verdict(base, token, claim, "false", "فقط خواندنی"),
        }
        for what, reply in replies.items():
            print(f"  {what}: {reply.status} {reply.body[:90].decode('utf-8', 'replace')!r}")
        verdict(
            all(r.status == 200 or clear_error(r) for r in replies.values()),
            "every request succeeded or got a clear 503, no traceback",
        )
        commands = {
            "ingest": manage("ingest", str(batch), "--no-progress", check=False),
            "migrate": manage("migrate", check=False),
        }
        for what, done in commands.items():
            print(f"  manage.py {what}: exit {done.returncode}: {done.stderr.strip()[:160]}")
        verdict(
            all(
                d.returncode == 1 and "read-only" in d.stderr and "Traceback" not in d.stderr
                for d in commands.values()
            ),
            "commands exit 1 naming the read-only data folder, no traceback",
        )
    finally:
        procs.stop_all()
        remount(data, "rw")
    start_site()
    wait_until(lambda: request(base + "/api/v1/").status == 200, 60, "gunicorn")
    check, articles, statements = consistency()
    verdict(check == "ok", f"database integrity check after the fault: {check}")
    verdict(
        (articles, statements) == (articles_before, statements_before),
        f"nothing written while read-only: articles {articles}, statements {statements}",
    )
    works_again(
        base, token, claim, batch, articles_before + len(records), "writable again, no repair"
    )


def works_again(base, token, claim: int, batch: Path, articles_expected: int, when: str) -> None:
    """After a fault is gone: the same ingest stores its articles and an edit succeeds."""
    again = manage("ingest", str(batch), "--no-progress", check=False)
    edit = publish_verdict(base, token, claim, "true", "پس از رفع خطا")
    _, articles_after, _ = consistency()
    summary = again.stdout.strip().splitlines()[-1] if again.stdout.strip() else again.stderr
    verdict(
        again.returncode == 0 and edit.status == 201 and articles_after == articles_expected,
        f"{when}: ingest exit {again.returncode} ({summary}), edit {edit.status}, "
        f"articles {articles_after}",
    )


# --- main ----------------------------------------------------------------------------------


def throwaway_database(server_url: str, *, create: bool) -> str:
    """A fresh database beside the one DATABASE_URL names (``<name>_load``), made empty here
    and dropped at the end: the bench never touches the named database itself."""
    import psycopg

    parts = urllib.parse.urlsplit(server_url)
    name = parts.path.lstrip("/") + "_load"
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            admin.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--readers", type=int, default=3, help="threads per reader group")
    parser.add_argument("--skip-faults", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="factcheck-load-"))
    port = free_port()
    environment(work / "data", port)
    procs = Processes()
    server_url = os.environ.get("DATABASE_URL", "")
    if server_url:
        os.environ["DATABASE_URL"] = throwaway_database(server_url, create=True)
    try:
        data = work / "data"
        data.mkdir()
        mounted = tmpfs_mount(data)
        main_jsonl, kept = corpus_split(args.corpus.resolve(), work)
        load_batch = work / "load.jsonl"
        write_jsonl(load_batch, kept["load"])
        print(f"data folder {work / 'data'}; database {os.environ.get('DATABASE_URL') or 'SQLite'}")
        token = knowledge_base_setup(main_jsonl)
        django_setup()
        base = f"http://127.0.0.1:{port}"

        def start_worker():
            procs.start(
                [
                    PYTHON,
                    "manage.py",
                    "db_worker",
                    "--queue-name",
                    "default,search",
                    "--interval",
                    "0.5",
                ],
                work / "worker.log",
            )

        def start_site():
            procs.start([GUNICORN, "-c", "gunicorn.conf.py"], work / "gunicorn.log")
            start_worker()

        start_site()
        wait_until(lambda: request(base + "/api/v1/").status == 200, 60, "gunicorn")
        print(f"gunicorn on {base} ({os.cpu_count()} cores), worker started")
        load_run(base, token, load_batch, args.seconds, args.readers)
        failures = [
            line
            for line in (work / "gunicorn.log").read_text(errors="replace").splitlines()
            if "failed" in line or "unavailable" in line
        ]
        for line in failures[-5:]:
            print(f"  gunicorn log: {line[:200]}")
        if not args.skip_faults:
            fault_worker_killed(procs, start_worker, kept["worker killed"])
            fault_database_unavailable(base, token, targets().claims[0])
            if mounted:
                fault_data_folder_full(base, token, data, work, kept["full"])
                if os.environ.get("DATABASE_URL"):
                    print(
                        "\n== fault: data folder read-only: skipped (the database is elsewhere) =="
                    )
                else:
                    fault_data_folder_read_only(
                        procs, start_site, base, token, data, work, kept["read-only"]
                    )
            else:
                print("\n== faults: data folder full or read-only: skipped (no tmpfs here) ==")
    finally:
        procs.stop_all()
        if mounted:
            subprocess.run(["umount", "--lazy", str(data)], check=False)
        shutil.rmtree(work, ignore_errors=True)
        if server_url:
            from django.db import connections

            connections.close_all()
            throwaway_database(server_url, create=False)


if __name__ == "__main__":
    main()
