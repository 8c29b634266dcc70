"""Fetch one web page over HTTP(S) without letting a URL reach the machine's own network.

``fetch`` returns a ``FetchedDocument`` (final URL, body bytes, content type, charset) or
raises ``IngestError`` with a one-line reason: a refused address, DNS failure, refused
connection, timeout, HTTP error status, too many redirects or a body over the limit.
"""

import contextlib
import functools
import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from articles.parsed import IngestError

USER_AGENT = "Mozilla/5.0 (compatible; FactcheckIngest/0.1; Persian news fact-check archive)"
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchedDocument:
    url: str  # final, after redirects
    content: bytes
    content_type: str  # "text/html", without parameters; "" when the server sent none
    charset: str | None  # from the Content-Type header


def fetch(
    url: str, *, allow_private: bool = False, max_bytes: int, timeout: float = 20.0
) -> FetchedDocument:
    """Return the document at ``url``, following at most 5 redirects and checking the
    address of every hop. ``timeout`` bounds each network wait and the whole body."""
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        url = _ascii_url(url)
        host, addresses = _resolve(url, allow_private)
        response = _open(url, host, addresses, timeout)
        with response:
            if response.status not in _REDIRECTS:
                return _document(url, response, max_bytes, deadline)
            url = _redirect_target(url, response)
    raise IngestError(f"too many redirects (more than {MAX_REDIRECTS}) fetching {url}")


def is_public_address(address: Address) -> bool:
    """Whether ``address`` is a public unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if address in _NAT64:
            mapped = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if mapped is not None:
            return is_public_address(mapped)
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def _resolve(url: str, allow_private: bool) -> tuple[str, list[str]]:
    """Return the URL's host and the addresses to connect to, refusing non-public ones."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise IngestError(f"only http and https URLs can be fetched, not {url!r}")
    host = parts.hostname
    if not host:
        raise IngestError(f"no host name in URL {url!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except ValueError:
        raise IngestError(f"invalid port in URL {url!r}") from None
    except (socket.gaierror, UnicodeError):
        raise IngestError(f"cannot resolve host {host!r} (DNS lookup failed)") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not allow_private:
        for address in addresses:
            if not is_public_address(ipaddress.ip_address(address.split("%", 1)[0])):
                raise IngestError(
                    f"refusing to fetch {url}: {host} resolves to a private or reserved "
                    f"address ({address})"
                )
    return host, addresses


def _open(url: str, host: str, addresses: list[str], timeout: float) -> http.client.HTTPResponse:
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "fa,en;q=0.5",
        },
    )
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}),  # a proxy would connect to addresses we never checked
        _PinnedHTTPHandler(addresses),
        _PinnedHTTPSHandler(addresses),
        _NoRedirects(),
    )
    try:
        return opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as err:
        err.close()
        raise IngestError(f"HTTP {err.code} {err.reason} for {url}") from None
    except urllib.error.URLError as err:
        raise _network_error(url, host, err.reason, timeout) from None
    except (OSError, http.client.HTTPException) as err:
        raise _network_error(url, host, err, timeout) from None


def _network_error(url: str, host: str, reason: object, timeout: float) -> IngestError:
    if isinstance(reason, TimeoutError):
        return IngestError(f"timed out after {timeout:g} s fetching {url}")
    if isinstance(reason, ConnectionRefusedError):
        return IngestError(f"connection refused by {host} fetching {url}")
    if isinstance(reason, ssl.SSLError):
        detail = getattr(reason, "verify_message", None) or reason.reason or reason
        return IngestError(f"TLS error with {host}: {detail}")
    if isinstance(reason, socket.gaierror):
        return IngestError(f"cannot resolve host {host!r} (DNS lookup failed)")
    text = " ".join(str(getattr(reason, "strerror", None) or reason).split())
    return IngestError(f"cannot fetch {url}: {text}")


def _redirect_target(url: str, response: http.client.HTTPResponse) -> str:
    location = response.headers.get("Location")
    if not location:
        raise IngestError(f"HTTP {response.status} redirect without a Location from {url}")
    # http.client reads headers as Latin-1; Persian sites send raw UTF-8 slugs.
    with contextlib.suppress(UnicodeError):
        location = location.encode("latin-1").decode("utf-8")
    return urljoin(url, location.strip())


def _ascii_url(url: str) -> str:
    """``url`` as a request line can carry it: non-ASCII path and query percent-encoded,
    an internationalised host name in IDNA, the fragment (never sent) dropped."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if not netloc.isascii() and parts.hostname:
            netloc = parts.hostname.encode("idna").decode("ascii")
            netloc += f":{parts.port}" if parts.port else ""
    except (ValueError, UnicodeError):
        raise IngestError(f"not a valid URL: {url!r}") from None
    path = quote(parts.path, safe="/%:@!$&'()*+,;=~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=~?")
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def _document(
    url: str, response: http.client.HTTPResponse, max_bytes: int, deadline: float
) -> FetchedDocument:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise IngestError(f"{url} is {int(length):,} bytes, over the limit of {max_bytes:,}")
    content = _read_limited(url, response, max_bytes, deadline)
    has_type = response.headers.get("Content-Type") is not None
    return FetchedDocument(
        url=url,
        content=content,
        content_type=response.headers.get_content_type() if has_type else "",
        charset=response.headers.get_content_charset(),
    )


def _read_limited(
    url: str, response: http.client.HTTPResponse, max_bytes: int, deadline: float
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := response.read1(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise IngestError(f"{url} is over the limit of {max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise IngestError(f"timed out reading {url}")
            chunks.append(chunk)
    except TimeoutError:
        raise IngestError(f"timed out reading {url}") from None
    except (OSError, http.client.HTTPException) as err:
        raise IngestError(f"connection lost reading {url}: {err}") from None
    return b"".join(chunks)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the addresses checked beforehand, so a second DNS answer cannot
    point the request somewhere else."""

    def __init__(self, host: str, *, addresses: list[str], **kwargs) -> None:
        super().__init__(host, **kwargs)
        self._addresses = addresses

    def connect(self) -> None:
        self.sock = _connect_any(self._addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(
        self, host: str, *, addresses: list[str], context: ssl.SSLContext, **kwargs
    ) -> None:
        super().__init__(host, context=context, **kwargs)
        self._addresses = addresses
        self._tls = context

    def connect(self) -> None:
        sock = _connect_any(self._addresses, self.port, self.timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)


def _connect_any(addresses: list[str], port: int, timeout: float | None) -> socket.socket:
    error: OSError = OSError("no address to connect to")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as err:
            error = err
    raise error


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, addresses: list[str]) -> None:
        super().__init__()
        self._addresses = addresses

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(
            functools.partial(_PinnedHTTPConnection, addresses=self._addresses), req
        )


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, addresses: list[str]) -> None:
        self._tls_context = ssl.create_default_context()
        super().__init__(context=self._tls_context)
        self._addresses = addresses

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_PinnedHTTPSConnection, addresses=self._addresses)
        return self.do_open(connection, req, context=self._tls_context)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hands 3xx responses back to ``fetch``, which checks each hop itself."""

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: http.client.HTTPResponse,
        code: int,
        msg: str,
        headers: Message,
    ) -> http.client.HTTPResponse:
        return fp

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302
