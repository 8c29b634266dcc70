"""Shared fixtures: the founding article, and a local HTTP server for the ingestion tests: saved pages and a few misbehaving routes.

Routes: any file under tests/data/articles/ by name; ``/status/404`` (any code);
``/redirect?to=URL`` (with ``&raw=1`` the Location goes out in raw UTF-8); ``/loop/N``
(redirects for ever); ``/stream`` (an endless body without Content-Length); ``/huge``
(declares 1 GB, sends little); ``/slow`` (waits 3 s); ``/feed?item=PATH&item=...`` (an
RSS feed linking to those paths on this server). ``https_server`` serves the same
over TLS with a self-signed certificate for news.test.
"""

import contextlib
import json
import os
import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit, urlunsplit

import pytest

DATA = Path(__file__).parent / "data"

ARTICLE_DATA = Path(__file__).resolve().parent / "data" / "articles"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".jsonl": "application/x-ndjson",
}
# The legacy page is served as legacy sites serve it.
CONTENT_TYPE_OVERRIDES = {"legacy-cp1256.html": "text/html; charset=windows-1256"}


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def do_GET(self) -> None:
        self.server.seen.append((self.path, dict(self.headers)))
        parts = urlsplit(self.path)
        path = parts.path
        if path.startswith("/status/"):
            self._send(int(path.rsplit("/", 1)[1]), b"error page", "text/plain")
        elif path == "/redirect":
            query = parse_qs(parts.query)
            location = query["to"][0]
            if "raw" in query:  # raw UTF-8 bytes in the header, as some Persian sites send
                location = location.encode("utf-8").decode("latin-1")
            self._redirect(location)
        elif path.startswith("/loop/"):
            self._redirect(f"/loop/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/stream":
            self._stream()
        elif path == "/huge":
            self._huge()
        elif path == "/feed":
            self._feed(parse_qs(parts.query).get("item", []))
        elif path == "/slow":
            time.sleep(3)
            self._send(200, b"late", "text/plain")
        else:
            self._file(path.lstrip("/"))

    def _file(self, name: str) -> None:
        target = ARTICLE_DATA / name
        if "/" in name or not target.is_file():
            self._send(404, b"not found", "text/plain")
            return
        content_type = CONTENT_TYPE_OVERRIDES.get(name) or CONTENT_TYPES.get(
            target.suffix, "application/octet-stream"
        )
        self._send(200, target.read_bytes(), content_type)

    def _feed(self, items: list[str]) -> None:
        host = f"http://{self.headers['Host']}"
        entries = "".join(
            f"<item><title>{n}</title><link>{host}{item}</link></item>"
            for n, item in enumerate(items)
        )
        body = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        body += f"<title>test feed</title>{entries}</channel></rss>"
        self._send(200, body.encode("utf-8"), "application/rss+xml")

    def _send(self, code: int, body: bytes, content_type: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65536 + b"</p>\n"
        try:
            for _ in range(10_000):  # ~650 MB if nobody stops reading
                self.wfile.write(chunk)
                self.server.streamed += len(chunk)
        except OSError:
            pass  # the client hung up, as it should

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(10**9))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(b"<html>")

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.streamed = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="session")
def http_server() -> Iterator[_Server]:
    """A server on 127.0.0.1 (so fetch needs allow_private=True to reach it)."""
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def tls_certificate(tmp_path_factory) -> tuple[Path, Path]:
    """(certificate, key): a self-signed certificate for the name news.test."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=news.test"
    command += " -addext subjectAltName=DNS:news.test"
    subprocess.run(
        [*command.split(), "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True
    )
    return cert, key


@pytest.fixture(scope="session")
def https_server(tls_certificate) -> Iterator[_Server]:
    """The same routes over TLS, with the self-signed certificate for news.test."""
    server = _Server()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*tls_certificate)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def data_dir() -> Path:
    return ARTICLE_DATA


@pytest.fixture
def founding_text() -> str:
    return (DATA / "didarnews-153318.txt").read_text(encoding="utf-8")


@pytest.fixture
def founding_gold() -> dict:
    return json.loads((DATA / "didarnews-153318.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, settings):
    """Each test keeps its state (the search index) in its own folder, never in ./var."""
    settings.DATA_DIR = tmp_path


@pytest.fixture
def subprocess_database() -> Iterator:
    """``make(name)``: environment variables giving a ``manage.py`` subprocess an empty database
    of its own, of the kind the tests run on. On SQLite that is the file under the
    subprocess's FACTCHECK_DATA_DIR (no variable); on PostgreSQL a database made for it on
    the same server and dropped afterwards (never the developer's own database)."""
    url = os.environ.get("DATABASE_URL", "")
    made: list[tuple[str, str]] = []

    def make(name: str) -> dict[str, str]:
        if not url.startswith(("postgres://", "postgresql://")):
            return {"DATABASE_URL": ""}
        import psycopg

        database = f"test_factcheck_{name}_{os.getpid()}"
        parts = urlsplit(url)
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
            connection.execute(f'CREATE DATABASE "{database}"')
        made.append((admin, database))
        return {"DATABASE_URL": urlunsplit(parts._replace(path=f"/{database}"))}

    yield make
    import psycopg

    for admin, database in made:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
