"""Polite, bounded HTTP: robots.txt, a named user agent, conditional GET, redirects checked hop by
hop, private addresses refused, retries, and every body under the size cap and the time budget.
Every server here is one the test starts on 127.0.0.1."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from web_server import FAST, Route, serve

from recoupe import __version__
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


def test_a_redirect_to_a_private_address_is_refused() -> None:
    with serve() as site, Fetcher(replace(FAST, fetch_allow_private=False)) as fetcher:
        fetcher._check_url = lambda url: None if "127.0.0.1" in url else Fetcher._check_url(fetcher, url)  # type: ignore[method-assign]
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


def test_a_robots_txt_redirected_to_a_private_address_is_not_followed() -> None:
    refused: list[str] = []

    def check(url: str) -> None:  # the test's own server is let through, the rest checked
        if "127.0.0.1" not in url:
            try:
                Fetcher._check_url(fetcher, url)
            except FetchError:
                refused.append(url)
                raise

    with serve() as site, Fetcher(replace(FAST, fetch_allow_private=False)) as fetcher:
        fetcher._check_url = check  # type: ignore[method-assign]
        site.routes["/robots.txt"] = Route(status=302, location="http://10.0.0.1/robots.txt")
        site.routes["/a"] = Route("<p>Bonjour</p>")
        assert fetcher.get(site.url("/a")).body == b"<p>Bonjour</p>"  # no robots.txt to be had: allowed
    assert refused == ["http://10.0.0.1/robots.txt"]
