"""Polite, bounded HTTP: what `recoupe fetch` and `recoupe watch` download pages and feeds with.

Polite: one named user agent, robots.txt obeyed (its Crawl-delay too), a minimum interval and a
few requests at most at once per site, conditional GET. Bounded: timeouts, a few retries with
back-off, redirects followed one by one (each checked), the body streamed under the size cap and
the time budget of `recoupe ingest`. URLs come from third-party feeds, so an address on the local
network or this machine is refused unless `Settings.fetch_allow_private`; the connection goes to
the very address that was checked, so a name server cannot answer a public address to the check
and 127.0.0.1 to the connection (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from recoupe import __version__
from recoupe.settings import Settings

T = TypeVar("T")
R = TypeVar("R")

_RETRIED_STATUSES = {429, 500, 502, 503, 504}
_REDIRECT_STATUSES = {301, 302, 303, 307, 308}
_CHUNK = 65536


class FetchError(Exception):
    """A URL that cannot be had; the message is the one-line reason shown to the user.
    `transient`: it failed after its retries (a timeout, a 5xx), and may answer later."""

    def __init__(self, reason: str, *, transient: bool = False) -> None:
        super().__init__(reason)
        self.transient = transient


@dataclass(frozen=True)
class Page:
    """A downloaded document, or `not_modified` (304) when the validators sent still hold."""

    url: str  # after redirects
    body: bytes = b""
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


@dataclass
class _Host:
    """One site's share of the politeness: its robots.txt, its next free slot, its open requests."""

    robots: urllib.robotparser.RobotFileParser | None = None
    robots_error: str | None = None
    next_start: float = 0.0
    interval: float = 0.0
    slots: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(1))
    robots_lock: threading.Lock = field(default_factory=threading.Lock)  # one read of robots.txt
    pace_lock: threading.Lock = field(default_factory=threading.Lock)


def user_agent(settings: Settings) -> str:
    """'recoupe/0.1.0', with '(+CONTACT)' when the user gave one."""
    agent = f"{settings.fetch_user_agent}/{__version__}"
    return f"{agent} (+{settings.fetch_contact})" if settings.fetch_contact else agent


class Fetcher:
    """One HTTP client with the politeness state of a run (robots.txt and pacing per site)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.agent = user_agent(settings)
        self._client = httpx.Client(
            transport=_transport(settings),
            headers={"User-Agent": self.agent},
            timeout=httpx.Timeout(settings.fetch_read_timeout_s, connect=settings.fetch_connect_timeout_s),
            follow_redirects=False,  # each hop is checked here (address, robots.txt)
            trust_env=False,  # no proxy or netrc picked up from the environment
        )
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        html_only: bool = False,
    ) -> Page:
        """Download `url` politely within the caps, or raise `FetchError` with the reason."""
        visited: list[str] = []
        while True:
            self._check_url(url)
            if url in visited:
                raise FetchError(f"redirect loop ({' → '.join([*visited, url])})")
            if len(visited) > self.settings.fetch_max_redirects:
                raise FetchError(f"more than {self.settings.fetch_max_redirects} redirects")
            visited.append(url)
            host = self._host(url)
            if not self._allowed(url, host):
                raise FetchError("disallowed by robots.txt")
            page = self._download(url, host, etag, last_modified, html_only)
            if isinstance(page, Page):
                return page
            url = page  # a redirect: the next hop

    def _check_url(self, url: str) -> None:
        """An http(s) URL with a host and a valid port; the host's address is checked when
        connecting (_CheckedAddresses), on the very answer the connection uses."""
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises on a port that is no number
        except ValueError as exc:  # a port that is no number, a broken IPv6 address
            raise FetchError(f"not a valid URL ({exc})") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("not an http(s) URL")

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        with self._hosts_lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(
                    interval=self.settings.fetch_host_interval_s,
                    slots=threading.Semaphore(self.settings.fetch_host_concurrency),
                )
            return self._hosts[key]

    def _allowed(self, url: str, host: _Host) -> bool:
        with host.robots_lock:
            if host.robots is None and host.robots_error is None:
                self._read_robots(url, host)
        if host.robots_error is not None:
            raise FetchError(host.robots_error)
        assert host.robots is not None
        return host.robots.can_fetch(self.agent, url)

    def _read_robots(self, url: str, host: _Host) -> None:
        """RFC 9309: a missing robots.txt allows everything; one that cannot be read forbids."""
        robots_url = urljoin(url, "/robots.txt")
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            page = self._download(robots_url, host, None, None, False, cap=self.settings.robots_max_bytes)
        except AddressRefused as exc:  # the site itself is refused, before any request
            host.robots_error = str(exc)
            return
        except FetchError as exc:
            if str(exc).startswith("HTTP 4") and not exc.transient:  # a 429 is no answer yet
                parser.allow_all = True
                host.robots = parser
                return
            host.robots_error = f"robots.txt cannot be read ({exc})"
            return
        if isinstance(page, str):  # robots.txt redirected: read where it points, once, if allowed
            try:
                self._check_url(page)
                page = self._download(page, host, None, None, False, cap=self.settings.robots_max_bytes)
            except FetchError:
                page = Page(robots_url)  # none to be had: everything allowed, as for a 404
        body = page.body if isinstance(page, Page) else b""
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(self.agent)
        if delay:
            host.interval = max(host.interval, min(float(delay), self.settings.fetch_max_crawl_delay_s))
        host.robots = parser

    def _download(
        self,
        url: str,
        host: _Host,
        etag: str | None,
        last_modified: str | None,
        html_only: bool,
        cap: int | None = None,
    ) -> Page | str:
        """One hop, with retries: the page, or the URL a redirect points to."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                with host.slots:
                    self._wait_turn(host)
                    return self._one_request(url, headers, html_only, cap or self.settings.max_input_bytes)
            except _Retry as retry:
                if attempt >= self.settings.fetch_retries:
                    raise FetchError(retry.reason, transient=True) from None
            time.sleep(self.settings.fetch_backoff_s * 2**attempt)
            attempt += 1

    def _wait_turn(self, host: _Host) -> None:
        with host.pace_lock:
            now = time.monotonic()
            start = max(now, host.next_start)
            host.next_start = start + host.interval
        if start > now:
            time.sleep(start - now)

    def _one_request(self, url: str, headers: dict[str, str], html_only: bool, cap: int) -> Page | str:
        deadline = self.settings.document_time_budget_s
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status in _REDIRECT_STATUSES and "location" in response.headers:
                    return urljoin(url, response.headers["location"])
                if status == 304:
                    return Page(url, etag=response.headers.get("etag"), not_modified=True)
                reason = f"HTTP {status} {response.reason_phrase}".strip()
                if status in _RETRIED_STATUSES:
                    raise _Retry(reason)
                if not 200 <= status < 300:
                    raise FetchError(reason)
                content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if html_only and content_type and not _is_html(content_type):
                    raise FetchError(f"not an HTML page ({content_type})")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > cap:
                    raise FetchError(f"page too large ({int(declared):,} bytes, limit {cap:,})")
                body = bytearray()
                for chunk in response.iter_bytes(_CHUNK):  # decompressed: a gzip bomb is cut too
                    body += chunk
                    if len(body) > cap:
                        raise FetchError(f"page too large (limit {cap:,} bytes)")
                    if deadline and time.monotonic() - started > deadline:
                        raise FetchError(f"took more than {deadline:g} s (time budget)")
                return Page(
                    url,
                    bytes(body),
                    content_type or None,
                    response.charset_encoding,
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                )
        except httpx.TimeoutException:
            raise _Retry(f"timed out (no answer within {self.settings.fetch_read_timeout_s:g} s)") from None
        except httpx.TransportError as exc:
            raise _Retry(f"connection failed ({type(exc).__name__}: {exc})") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(f"bad HTTP answer ({type(exc).__name__}: {exc})") from None


class _Retry(Exception):
    """A failure worth another try later (timeout, refused connection, 429, 5xx)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _is_html(content_type: str) -> bool:
    return content_type in ("text/html", "application/xhtml+xml")


class AddressRefused(FetchError):
    """A host that must not be connected to (a private address, or none): raised when connecting,
    through httpx untouched, before any byte is sent."""


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address may be fetched without --allow-private: not private, loopback,
    link-local or reserved."""
    return address.is_global


def checked_addresses(host: str, port: int | None, *, allow_private: bool) -> list[str]:
    """The addresses of `host`, resolved once, each public unless `allow_private`; AddressRefused
    when it cannot be resolved or one of them is not public (a name with a private address among
    its answers is refused whole)."""
    try:
        infos = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise AddressRefused(f"cannot resolve {host} ({exc})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        parsed = ipaddress.ip_address(address.split("%")[0])  # an IPv6 scope ("%eth0") aside
        if not allow_private and not is_public(parsed):
            raise AddressRefused(
                f"{host} is a private or loopback address ({parsed}); refused without --allow-private"
            )
    return addresses


def private_address(host: str, port: int | None) -> str | None:
    """Why `host` must not be fetched: it resolves to a private, loopback, link-local or reserved
    address (or not at all); None for a public one."""
    try:
        checked_addresses(host, port, allow_private=False)
    except AddressRefused as exc:
        return str(exc)
    return None


class _CheckedAddresses(httpcore.NetworkBackend):
    """httpcore's sockets, opened to the addresses `checked_addresses` gave for the URL's host and
    to no other: the name is resolved once, for the check and the connection together. TLS (its
    server name, the certificate's check) and the Host header keep the URL's name: httpcore takes
    them from the URL, not from the address connected to."""

    def __init__(self, allow_private: bool) -> None:
        self._allow_private = allow_private
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        failed: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in checked_addresses(host, port, allow_private=self._allow_private):
            try:
                return self._sockets.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:  # the next address, if any
                failed = exc
        assert failed is not None  # checked_addresses gives at least one address or raises
        raise failed

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


def _transport(settings: Settings) -> httpx.HTTPTransport:
    """httpx's transport over a pool whose sockets go to checked addresses only (_CheckedAddresses).
    httpx takes no network backend as an argument, so its pool is built again with ours, the
    settings httpx gives it by default; httpx's mapping of requests, answers and errors is kept."""
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=100,
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=_CheckedAddresses(settings.fetch_allow_private),
    )
    return transport


def in_order(items: Iterable[T], work: Callable[[T], R], concurrency: int) -> Iterator[tuple[T, R]]:
    """Each item with `work(item)`, done in up to `concurrency` threads, yielded in the items' order
    (so a run's reading order, and the ids it gives, do not depend on which answer came first).
    At most `concurrency` results wait to be taken: pages of up to the size cap each."""
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        in_flight: list[tuple[T, Future[R]]] = []
        for item in items:
            in_flight.append((item, pool.submit(work, item)))
            if len(in_flight) >= concurrency:
                first, future = in_flight.pop(0)
                yield first, future.result()
        for item, future in in_flight:
            yield item, future.result()
