"""Polite, bounded HTTP: robots.txt, a named user agent, conditional GET, redirects checked hop by
hop, private addresses refused, retries, and every body under the size cap and the time budget.
Every server here is one the test starts on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import replace

import pytest
from web_server import FAST, Route, serve

from recoupe import __version__
from recoupe.ingest import web
from recoupe.ingest.web import Fetcher, FetchError, in_order, private_address


def test_a_page_is_fetched_with_the_named_user_agent_and_the_contact() -> None:
    with serve() as site, Fetcher(replace(FAST, fetch_contact="desk@example.org")) as fetcher:
        site.routes["/a"] = Route("<p>Bonjour</p>")
        page = fetcher.get(site.url("/a"))
    assert page.body == b"<p>Bonjour</p>" and page.charset == "utf-8"
    agents = {headers["User-Agent"] for _, headers in site.requests}
    assert agents == {f"recoupe/{__version__} (+desk@example.org)"}


def test_loopback_and_private_addresses_are_refused_unless_allowed() -> None:
    with serve() as site:
        site.routes["/a"] = Route("<p>Bonjour</p>")
        strict = replace(FAST, fetch_allow_private=False)
        with Fetcher(strict) as fetcher, pytest.raises(FetchError) as refused:
            fetcher.get(site.url("/a"))
    assert "private or loopback address (127.0.0.1)" in str(refused.value)
    assert site.requests == []  # refused before any request, robots.txt included
    assert private_address("10.1.2.3", None) and private_address("169.254.169.254", 80)
    assert private_address("::1", None)


def test_only_http_and_https_urls_are_fetched() -> None:
    with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match="not an http"):
            fetcher.get("file:///etc/passwd")
        with pytest.raises(FetchError, match="not a valid URL"):
            fetcher.get("http://journal.example:port/")


def test_robots_txt_is_obeyed() -> None:
    with serve() as site, Fetcher(FAST) as fetcher:
        site.routes["/robots.txt"] = Route("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        site.routes["/private/a"] = Route("<p>secret</p>")
        site.routes["/public/a"] = Route("<p>public</p>")
        with pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
            fetcher.get(site.url("/private/a"))
        assert fetcher.get(site.url("/public/a")).body == b"<p>public</p>"
    assert site.hits("/private/a") == 0 and site.hits("/robots.txt") == 1


def test_a_site_that_answers_robots_txt_with_an_error_is_not_crawled() -> None:
    with serve() as site, Fetcher(FAST) as fetcher:
        site.routes["/robots.txt"] = Route("oops", status=503)
        site.routes["/a"] = Route("<p>Bonjour</p>")
        with pytest.raises(FetchError, match=r"robots.txt cannot be read \(HTTP 503"):
            fetcher.get(site.url("/a"))
    assert site.hits("/a") == 0


def test_conditional_get_gives_not_modified() -> None:
    with serve() as site, Fetcher(FAST) as fetcher:
        site.routes["/feed"] = Route("<rss/>", etag='"v1"')
        first = fetcher.get(site.url("/feed"))
        again = fetcher.get(site.url("/feed"), etag=first.etag)
    assert first.etag == '"v1"' and not first.not_modified
    assert again.not_modified and again.body == b""


def test_conditional_get_by_last_modified_gives_not_modified() -> None:
    stamp = "Tue, 24 Nov 2026 08:00:00 GMT"
    with serve() as site, Fetcher(FAST) as fetcher:
        site.routes["/feed"] = Route("<rss/>", last_modified=stamp)
        first = fetcher.get(site.url("/feed"))
        again = fetcher.get(site.url("/feed"), last_modified=first.last_modified)
    assert first.last_modified == stamp and again.not_modified
    assert site.requests[-1][1]["If-Modified-Since"] == stamp


def test_redirects_are_followed_and_a_loop_is_named() -> None:
    with serve() as site, Fetcher(FAST) as fetcher:
        site.routes["/old"] = Route(status=301, location="/new")
        site.routes["/new"] = Route("<p>moved</p>")
        site.routes["/ping"] = Route(status=302, location="/pong")
        site.routes["/pong"] = Route(status=302, location="/ping")
        assert fetcher.get(site.url("/old")).url == site.url("/new")
        with pytest.raises(FetchError, match="redirect loop"):
            fetcher.get(site.url("/ping"))


def loopback_counts_as_public(monkeypatch: pytest.MonkeyPatch, *addresses: str) -> None:
    """These loopback addresses (the test's own servers) count as public ones; every other keeps
    its kind."""
    stand_ins = {ipaddress.ip_address(a) for a in addresses}
    monkeypatch.setattr(web, "is_public", lambda address: address in stand_ins or address.is_global)


def test_a_redirect_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    loopback_counts_as_public(monkeypatch, "127.0.0.1")
    with serve() as site, Fetcher(replace(FAST, fetch_allow_private=False)) as fetcher:
        site.routes["/go"] = Route(status=302, location="http://10.0.0.1/admin")
        with pytest.raises(FetchError, match=r"private or loopback address \(10.0.0.1\)"):
            fetcher.get(site.url("/go"))


def test_a_body_past_the_size_cap_is_cut_while_streaming() -> None:
    with serve() as site, Fetcher(replace(FAST, max_input_bytes=1_000_000)) as fetcher:
        site.routes["/huge"] = Route(stream_bytes=60_000_000)
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"page too large \(limit 1,000,000 bytes\)"):
            fetcher.get(site.url("/huge"))
    assert time.monotonic() - started < 5


def test_server_errors_are_retried_then_named() -> None:
    with serve() as site, Fetcher(FAST) as fetcher:
        site.routes["/down"] = Route("oops", status=500)
        with pytest.raises(FetchError, match="HTTP 500 Internal Server Error"):
            fetcher.get(site.url("/down"))
    assert site.hits("/down") == 1 + FAST.fetch_retries


def test_a_silent_server_times_out() -> None:
    with serve() as site, Fetcher(FAST) as fetcher:
        site.routes["/slow"] = Route("<p>late</p>", delay_s=2.0)
        with pytest.raises(FetchError, match=r"timed out \(no answer within 0.5 s\)"):
            fetcher.get(site.url("/slow"))


def test_a_page_that_is_not_html_is_refused_when_html_is_asked_for() -> None:
    with serve() as site, Fetcher(FAST) as fetcher:
        site.routes["/doc.pdf"] = Route(b"%PDF-1.4", content_type="application/pdf")
        with pytest.raises(FetchError, match=r"not an HTML page \(application/pdf\)"):
            fetcher.get(site.url("/doc.pdf"), html_only=True)


def test_requests_to_one_site_are_spaced() -> None:
    with serve() as site, Fetcher(replace(FAST, fetch_host_interval_s=0.2)) as fetcher:
        for name in "abc":
            site.routes[f"/{name}"] = Route("<p>x</p>")
        started = time.monotonic()
        list(in_order([site.url(f"/{n}") for n in "abc"], fetcher.get, 3))
    # robots.txt, then three pages: four requests, 0.2 s apart at least.
    assert time.monotonic() - started >= 0.6


def test_in_order_keeps_the_order_given_whatever_finishes_first() -> None:
    def slow_first(n: int) -> int:
        time.sleep(0.05 if n == 0 else 0)
        return n * n

    assert list(in_order(range(5), slow_first, 3)) == [(n, n * n) for n in range(5)]


def test_a_robots_txt_redirected_to_a_private_address_is_not_followed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loopback_counts_as_public(monkeypatch, "127.0.0.1")
    refused: list[str] = []

    def check(host: str, port: int | None, *, allow_private: bool) -> list[str]:
        try:
            return checked(host, port, allow_private=allow_private)
        except web.AddressRefused:
            refused.append(host)
            raise

    checked = web.checked_addresses
    monkeypatch.setattr(web, "checked_addresses", check)
    with serve() as site, Fetcher(replace(FAST, fetch_allow_private=False)) as fetcher:
        site.routes["/robots.txt"] = Route(status=302, location="http://10.0.0.1/robots.txt")
        site.routes["/a"] = Route("<p>Bonjour</p>")
        assert fetcher.get(site.url("/a")).body == b"<p>Bonjour</p>"  # no robots.txt to be had: allowed
    assert refused == ["10.0.0.1"]  # refused when connecting: nothing was sent there


class RebindingResolver:
    """A name server of the attacker's: `name` is first a public address (127.0.0.2 standing for
    one), then 127.0.0.1, this machine; every other name is resolved as usual."""

    def __init__(self, name: str, *, rebound: bool = False) -> None:
        self.name = name
        self.answers: list[str] = ["127.0.0.2"] if rebound else []  # the first one, long ago
        self._resolve = socket.getaddrinfo

    def __call__(self, host: str | bytes | None, port: object, *args: object, **kwargs: object) -> object:
        asked = host.decode() if isinstance(host, bytes) else host  # httpcore may ask in bytes
        if asked != self.name:
            return self._resolve(host, port, *args, **kwargs)  # type: ignore[arg-type]
        self.answers.append("127.0.0.2" if not self.answers else "127.0.0.1")
        return self._resolve(self.answers[-1], port, *args, **kwargs)  # type: ignore[arg-type]


def test_a_name_answering_a_public_address_then_this_machine_is_fetched_from_the_public_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """DNS rebinding: the address checked is the address connected to, so a second answer naming
    127.0.0.1 never reaches this machine's own server."""
    loopback_counts_as_public(monkeypatch, "127.0.0.2")
    resolver = RebindingResolver("news.rebind.test")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with serve() as local:  # this machine's own service, on 127.0.0.1
        port = int(local.base.rsplit(":", 1)[1])
        local.routes["/a"] = Route("<p>secret of this machine</p>")
        with serve(host="127.0.0.2", port=port) as public:  # the public site, on the same port
            public.routes["/a"] = Route("<p>Bonjour</p>")
            # Read whole, robots.txt leaves its connection open for the page: one connection, one answer.
            public.routes["/robots.txt"] = Route("User-agent: *\nAllow: /\n", content_type="text/plain")
            with Fetcher(replace(FAST, fetch_allow_private=False)) as fetcher:
                url = f"http://news.rebind.test:{port}/a"
                pages = [fetcher.get(url), fetcher.get(url)]
            # A new connection asks the name server again: 127.0.0.1 now, refused.
            with (
                Fetcher(replace(FAST, fetch_allow_private=False)) as fetcher,
                pytest.raises(FetchError) as refused,
            ):
                fetcher.get(url)
    assert [page.body for page in pages] == [b"<p>Bonjour</p>"] * 2
    assert public.hits("/robots.txt") == 1 and public.hits("/a") == 2
    assert {headers["Host"] for _, headers in public.requests} == {f"news.rebind.test:{port}"}
    assert resolver.answers[:2] == ["127.0.0.2", "127.0.0.1"]  # it did answer this machine
    assert "private or loopback address (127.0.0.1)" in str(refused.value)
    assert local.requests == []  # never reached


def test_a_name_that_answers_this_machine_is_refused_before_any_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loopback_counts_as_public(monkeypatch, "127.0.0.2")
    monkeypatch.setattr(socket, "getaddrinfo", RebindingResolver("news.rebind.test", rebound=True))
    with serve() as local:
        local.routes["/a"] = Route("<p>secret of this machine</p>")
        port = int(local.base.rsplit(":", 1)[1])
        with (
            Fetcher(replace(FAST, fetch_allow_private=False)) as fetcher,
            pytest.raises(FetchError) as refused,
        ):
            fetcher.get(f"http://news.rebind.test:{port}/a")
    assert str(refused.value) == (
        "news.rebind.test is a private or loopback address (127.0.0.1); refused without --allow-private"
    )
    assert local.requests == []


def test_this_machine_is_fetched_when_private_addresses_are_allowed() -> None:
    with serve() as site, Fetcher(replace(FAST, fetch_allow_private=True)) as fetcher:
        site.routes["/a"] = Route("<p>Bonjour</p>", etag='"v1"')
        assert fetcher.get(site.url("/a")).body == b"<p>Bonjour</p>"
        assert fetcher.get(site.url("/a"), etag='"v1"').not_modified
        by_name = site.url("/a").replace("127.0.0.1", "localhost")  # ::1 first, perhaps: then 127.0.0.1
        assert fetcher.get(by_name).body == b"<p>Bonjour</p>"
