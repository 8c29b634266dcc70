"""Production serving: `check --deploy` is clean with the production variables set, and the
site served by gunicorn (gunicorn.conf.py) after `collectstatic` sends its security headers
and hashed, compressed static files."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.commands import ROOT, run_manage

HOST = "factcheck.example"


def production_env(data_dir: Path, **extra: str) -> dict[str, str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FACTCHECK_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="factcheck.settings.prod",
        FACTCHECK_DATA_DIR=str(data_dir),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        DJANGO_HSTS_SECONDS="31536000",
        DJANGO_HSTS_PRELOAD="true",
    )
    environment.update(extra)
    return environment


def manage(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return run_manage(environment, *args, timeout=300)


def test_check_deploy_reports_no_issue(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_warns_while_hsts_is_off(tmp_path):
    result = manage(production_env(tmp_path, DJANGO_HSTS_SECONDS="0"), "check", "--deploy")
    assert "security.W004" in result.stdout + result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory) -> Iterator[str]:
    """The production settings under gunicorn, after migrate and collectstatic."""
    environment = production_env(tmp_path_factory.mktemp("prod"))
    for step in (("migrate", "--noinput"), ("collectstatic", "--noinput")):
        result = manage(environment, *step)
        assert result.returncode == 0, result.stderr
    port = _free_port()
    environment.update(GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2")
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"gunicorn did not start: {server.stderr.read()}")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=30)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url: str, *, https: bool = True, **headers: str):
    """(status, headers, body) of a request as the HTTPS proxy would pass it on."""
    request = urllib.request.Request(url, headers={"Host": HOST, **headers})
    if https:
        request.add_header("X-Forwarded-Proto", "https")
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_pages_carry_the_security_headers(gunicorn):
    status, headers, _ = get(f"{gunicorn}/")
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


def test_plain_http_is_redirected_to_https(gunicorn):
    status, headers, _ = get(f"{gunicorn}/claims/", https=False)
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/claims/"


def test_cookies_are_secure(gunicorn):
    _, headers, _ = get(f"{gunicorn}/accounts/login/")
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("csrftoken=") and "Secure" in cookie


def test_static_files_are_hashed_compressed_and_cached_for_ever(gunicorn):
    _, _, body = get(f"{gunicorn}/")
    stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, "the page links the hashed stylesheet from the manifest"
    status, headers, _ = get(f"{gunicorn}{stylesheet[1].decode()}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
