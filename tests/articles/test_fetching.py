import ipaddress
import socket
import ssl
import time

import pytest

from articles import fetching
from articles.fetching import USER_AGENT, fetch, is_public_address
from articles.parsed import IngestError
from articles.parsing import parse_html

ZWNJ = "\u200c"
LIMIT = 1_000_000


@pytest.fixture
def loopback_is_public(monkeypatch):
    """Let 127.0.0.1 (the test server) pass as public, so the checks on later hops show."""
    real = fetching.is_public_address
    server = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(fetching, "is_public_address", lambda a: a == server or real(a))


class FakeResolver:
    """Answers DNS lookups from a dict, so no name server is ever asked; IP literals
    resolve as usual. ``asked`` lists the names looked up."""

    def __init__(self, real):
        self.real = real
        self.answers: dict[str, str] = {}
        self.asked: list[str] = []

    def __call__(self, host, port, *args, **kwargs):
        try:
            ipaddress.ip_address(host)
        except ValueError:
            self.asked.append(host)
        else:
            return self.real(host, port, *args, **kwargs)
        if host not in self.answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (self.answers[host], port))]


@pytest.fixture
def resolver(monkeypatch):
    fake = FakeResolver(socket.getaddrinfo)
    monkeypatch.setattr(fetching.socket, "getaddrinfo", fake)
    return fake


def test_fetch_saved_page_and_parse_it(http_server):
    url = f"{http_server.base_url}/didarnews-153318.html"
    document = fetch(url, allow_private=True, max_bytes=LIMIT)
    assert document.url == url
    assert document.content_type == "text/html"
    assert document.charset == "utf-8"
    article = parse_html(document.content, url=document.url)
    assert f"پیام{ZWNJ}رسان{ZWNJ}های داخلی" in article.text
    assert article.title.startswith(f"زارع{ZWNJ}پور")
    for chrome in ("ارسال نظرات", "نام:", "صفحه اصلی", "اخبار مرتبط"):
        assert chrome not in article.text


def test_fetch_sends_user_agent(http_server):
    fetch(f"{http_server.base_url}/feed.rss", allow_private=True, max_bytes=LIMIT)
    path, headers = http_server.seen[-1]
    assert path == "/feed.rss"
    assert headers["User-Agent"] == USER_AGENT


def test_fetch_reports_header_charset_and_legacy_page_decodes(http_server):
    url = f"{http_server.base_url}/legacy-cp1256.html"
    document = fetch(url, allow_private=True, max_bytes=LIMIT)
    assert (document.content_type, document.charset) == ("text/html", "windows-1256")
    article = parse_html(document.content, url=document.url, charset=document.charset)
    assert article.title == "زارعپور: پيامرسانهاي داخلي حافظ حريم خصوصي هستند!"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://10.0.0.8/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://[fe80::1]/",
        "http://2130706433/",  # 127.0.0.1 written as one number
    ],
)
def test_fetch_refuses_private_addresses(url):
    with pytest.raises(IngestError, match="private or reserved address"):
        fetch(url, max_bytes=LIMIT)


def test_fetch_refuses_public_name_resolving_to_private_address(resolver):
    resolver.answers["news.example"] = "192.168.0.10"
    with pytest.raises(IngestError, match=r"news\.example resolves to a private"):
        fetch("https://news.example/fa/news/1", max_bytes=LIMIT)


def test_fetch_refuses_redirect_to_loopback(http_server, loopback_is_public):
    target = "http://[::1]/admin"
    with pytest.raises(IngestError, match=r"refusing to fetch http://\[::1\]/admin"):
        fetch(f"{http_server.base_url}/redirect?to={target}", max_bytes=LIMIT)


def test_fetch_refuses_redirect_to_metadata_service(http_server, loopback_is_public):
    target = "http://169.254.169.254/latest/meta-data/"
    with pytest.raises(IngestError, match="169.254.169.254"):
        fetch(f"{http_server.base_url}/redirect?to={target}", max_bytes=LIMIT)
    assert not any(path.startswith("/latest") for path, _ in http_server.seen)


def test_fetch_follows_redirects(http_server):
    url = f"{http_server.base_url}/redirect?to=/feed.atom"
    document = fetch(url, allow_private=True, max_bytes=LIMIT)
    assert document.url == f"{http_server.base_url}/feed.atom"
    assert document.content.startswith(b"<?xml")


def test_fetch_persian_url_is_percent_encoded(http_server):
    with pytest.raises(IngestError, match="HTTP 404"):
        fetch(f"{http_server.base_url}/خبر/۱?q=بله", allow_private=True, max_bytes=LIMIT)
    assert http_server.seen[-1][0] == "/%D8%AE%D8%A8%D8%B1/%DB%B1?q=%D8%A8%D9%84%D9%87"


def test_fetch_redirect_with_raw_utf8_location(http_server):
    url = f"{http_server.base_url}/redirect?raw=1&to=/feed.rss?q=بله"
    document = fetch(url, allow_private=True, max_bytes=LIMIT)
    assert document.url == f"{http_server.base_url}/feed.rss?q=%D8%A8%D9%84%D9%87"


def test_fetch_stops_after_five_redirects(http_server):
    with pytest.raises(IngestError, match="too many redirects"):
        fetch(f"{http_server.base_url}/loop/0", allow_private=True, max_bytes=LIMIT)
    assert sum(path.startswith("/loop/") for path, _ in http_server.seen[-6:]) == 6


def test_fetch_refuses_redirect_to_other_scheme(http_server):
    with pytest.raises(IngestError, match="only http and https"):
        fetch(
            f"{http_server.base_url}/redirect?to=file:///etc/passwd",
            allow_private=True,
            max_bytes=LIMIT,
        )


@pytest.mark.parametrize("url", ["ftp://example.ir/a.txt", "file:///etc/passwd", "javascript:x"])
def test_fetch_only_http_and_https(url):
    with pytest.raises(IngestError, match="only http and https"):
        fetch(url, max_bytes=LIMIT)


def test_fetch_refuses_declared_size_over_limit(http_server):
    with pytest.raises(IngestError, match="1,000,000,000 bytes, over the limit of 1,000"):
        fetch(f"{http_server.base_url}/huge", allow_private=True, max_bytes=1_000)


def test_fetch_refuses_saved_file_over_limit(http_server):
    with pytest.raises(IngestError, match="over the limit"):
        fetch(f"{http_server.base_url}/didarnews-153318.html", allow_private=True, max_bytes=1_000)


def test_fetch_stops_reading_endless_body_at_limit(http_server):
    before = http_server.streamed
    started = time.monotonic()
    with pytest.raises(IngestError, match="over the limit of 200,000 bytes"):
        fetch(f"{http_server.base_url}/stream", allow_private=True, max_bytes=200_000)
    assert time.monotonic() - started < 5
    time.sleep(0.2)
    # The server got no further than what socket buffers hold, far short of its 650 MB.
    assert http_server.streamed - before < 64_000_000


@pytest.mark.parametrize(("code", "reason"), [(404, "Not Found"), (500, "Internal Server Error")])
def test_fetch_http_error_status(http_server, code, reason):
    url = f"{http_server.base_url}/status/{code}"
    with pytest.raises(IngestError) as caught:
        fetch(url, allow_private=True, max_bytes=LIMIT)
    assert str(caught.value) == f"HTTP {code} {reason} for {url}"


def test_fetch_missing_file_is_404(http_server):
    with pytest.raises(IngestError, match="HTTP 404"):
        fetch(f"{http_server.base_url}/nothing-here.html", allow_private=True, max_bytes=LIMIT)


def test_fetch_timeout(http_server):
    started = time.monotonic()
    with pytest.raises(IngestError, match="timed out after 0.5 s"):
        fetch(f"{http_server.base_url}/slow", allow_private=True, max_bytes=LIMIT, timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_fetch_connection_refused():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(IngestError, match="connection refused by 127.0.0.1"):
        fetch(f"http://127.0.0.1:{port}/", allow_private=True, max_bytes=LIMIT)


def test_fetch_dns_failure(resolver):
    with pytest.raises(IngestError, match="cannot resolve host 'no-such-host.example'"):
        fetch("https://no-such-host.example/news/1", max_bytes=LIMIT)


def test_fetch_connects_to_the_checked_address(http_server, resolver):
    # One lookup, checked, then used: a second answer cannot send the request elsewhere.
    port = http_server.server_address[1]
    resolver.answers["news.test"] = "127.0.0.1"
    document = fetch(f"http://news.test:{port}/feed.rss", allow_private=True, max_bytes=LIMIT)
    assert document.content.startswith(b"<?xml")
    assert resolver.asked == ["news.test"]
    assert http_server.seen[-1][1]["Host"] == f"news.test:{port}"


def test_fetch_https_refuses_untrusted_certificate(https_server, resolver):
    resolver.answers["news.test"] = "127.0.0.1"
    url = f"https://news.test:{https_server.server_address[1]}/feed.rss"
    with pytest.raises(IngestError, match="TLS error with news.test: .*self.signed"):
        fetch(url, allow_private=True, max_bytes=LIMIT)


def test_fetch_https_checks_certificate_against_the_host_name(
    https_server, resolver, tls_certificate, monkeypatch
):
    # Connected to the pinned 127.0.0.1, TLS must still verify the name news.test.
    real = ssl.create_default_context
    monkeypatch.setattr(
        fetching.ssl, "create_default_context", lambda: real(cafile=tls_certificate[0])
    )
    resolver.answers["news.test"] = "127.0.0.1"
    url = f"https://news.test:{https_server.server_address[1]}/feed.rss"
    document = fetch(url, allow_private=True, max_bytes=LIMIT)
    assert document.content.startswith(b"<?xml")
    assert document.content_type == "application/rss+xml"


def test_fetch_errors_are_one_line(http_server):
    with pytest.raises(IngestError) as caught:
        fetch(f"{http_server.base_url}/status/503", allow_private=True, max_bytes=LIMIT)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("::ffff:8.8.8.8", True),
        ("::ffff:10.0.0.1", False),
        ("2002:7f00:1::", False),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 wrapping 169.254.169.254
        ("100.64.0.1", False),  # carrier-grade NAT
        ("fc00::1", False),
        ("ff02::1", False),
        ("::", False),
        ("240.0.0.1", False),
    ],
)
def test_is_public_address(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public
