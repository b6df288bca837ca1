"""`recoupe watch SOURCES --db FILE`: each round reads the feeds of a site the test serves on
127.0.0.1, fetches the items it has not seen, and ingests them into the store's open stories."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner, Result
from watch_site import FESTIVAL_TITLE, TRAM_TITLE, first_round, second_round, sources_file
from web_server import FAST, Route, serve

from recoupe.cli import app
from recoupe.settings import Settings
from recoupe.store import Store
from recoupe.store.watch import read_sources_file, watch_once

SOURCE_LINE = re.compile(r"^recoupe: source (?P<url>\S+): (?P<reason>.+)$")


def watch(sources: str, db: Path, settings: Settings = FAST) -> tuple[object, dict[str, str]]:
    problems: dict[str, str] = {}
    report = watch_once(
        sources, db, settings, on_problem=lambda url, reason: problems.setdefault(url, reason), workers=1
    )
    return report, problems


def stories_of(db: Path) -> tuple[dict[str, list[str]], dict[str, object]]:
    """Each story's member ids, and every article by id."""
    with Store(db, readonly=True) as store:
        brief = store.brief()
    return {s.id: list(s.articles) for s in brief.stories}, {a.id: a for a in brief.articles}


def test_two_rounds_store_new_items_once_and_join_the_open_stories(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    with serve() as site:
        first_round(site)
        feeds = ("/feeds/alpes.xml", "/feeds/agregateur.xml")
        sources = sources_file(site, str(tmp_path / "sources.txt"), *feeds)
        first, problems = watch(sources, db)
        assert site.url("/feeds/agregateur.xml") in problems  # not there yet: one line, the round goes on
        assert first.ingest.added == 2 and len(first.ingest.new_stories) == 2
        second_round(site)
        second, problems = watch(sources, db)

    tram, flood = site.url("/alpes/tram"), site.url("/alpes/crue")
    copy, festival = site.url("/agregateur/tram-grenoble"), site.url("/agregateur/festival-vienne")
    assert problems == {festival: "HTTP 404 Not Found; stored the feed's headline instead"}
    assert site.hits("/alpes/tram") == 1 and site.hits("/alpes/crue") == 1  # seen items are not fetched again
    assert site.hits("/feeds/alpes.xml") == 2  # the second time answered 304 Not Modified
    assert second.unchanged == 1 and second.new_items == 2 and second.ingest.added == 2
    members, articles = stories_of(db)
    assert sorted(sorted(m) for m in members.values()) == sorted([sorted([tram, copy]), [flood], [festival]])
    assert articles[copy].copy_of == tram and "near-copy" in articles[copy].flags
    assert articles[festival].title == FESTIVAL_TITLE and articles[festival].flags == ["headline-only"]
    assert articles[festival].published == "2026-11-26" and articles[festival].source == "Agrégateur Info"
    assert articles[tram].title == TRAM_TITLE and articles[tram].source == "Alpes Matin"
    assert articles[tram].origin == tram and articles[tram].published == "2026-11-24"


def test_a_third_round_with_nothing_new_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    with serve() as site:
        first_round(site)
        sources = sources_file(site, str(tmp_path / "sources.txt"), "/feeds/alpes.xml")
        watch(sources, db)
        again, problems = watch(sources, db)
    assert problems == {} and again.unchanged == 1 and again.new_items == 0 and again.ingest.added == 0
    assert len(stories_of(db)[1]) == 2


def test_failing_sources_are_one_line_each_and_stop_nothing(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    with serve() as site:
        first_round(site)
        site.routes["/feeds/down.xml"] = Route("oops", status=500)
        site.routes["/feeds/slow.xml"] = Route("<rss/>", delay_s=2.0)
        site.routes["/feeds/broken.xml"] = Route('<?xml version="1.0"?><rss version="2.0"><channel><item>')
        site.routes["/feeds/loop.xml"] = Route(status=302, location="/feeds/loop-back.xml")
        site.routes["/feeds/loop-back.xml"] = Route(status=302, location="/feeds/loop.xml")
        site.routes["/huge/page"] = Route(stream_bytes=60_000_000)
        site.routes["/feeds/huge.xml"] = Route(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Gros</title>'
            f"<item><title>Une page sans fin</title><link>{site.url('/huge/page')}</link>"
            "<description>Des octets, encore des octets.</description></item>"
            "</channel></rss>"
        )
        feeds = ["/feeds/down.xml", "/feeds/slow.xml", "/feeds/broken.xml", "/feeds/loop.xml"]
        good = ("/feeds/huge.xml", "/feeds/alpes.xml")
        sources = sources_file(site, str(tmp_path / "sources.txt"), *feeds, *good)
        report, problems = watch(sources, db, replace(FAST, max_input_bytes=5_000_000))

    assert problems.keys() == {site.url(f) for f in feeds} | {site.url("/huge/page")}
    assert problems[site.url("/feeds/down.xml")] == "HTTP 500 Internal Server Error"
    assert problems[site.url("/feeds/slow.xml")] == "timed out (no answer within 0.5 s)"
    assert problems[site.url("/feeds/broken.xml")].startswith("malformed feed (")
    assert problems[site.url("/feeds/loop.xml")].startswith("redirect loop (")
    assert problems[site.url("/huge/page")] == (
        "page too large (limit 5,000,000 bytes); stored the feed's headline instead"
    )
    assert report.failed == 4 and report.ingest.added == 3  # the huge page's headline, the tram, the flood
    _, articles = stories_of(db)
    huge = articles[site.url("/huge/page")]
    assert len(articles) == 3 and huge.flags == ["feed-summary"]
    assert [p.text for p in huge.paragraphs] == ["Des octets, encore des octets."]


def test_the_sources_file_takes_comments_and_names_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "sources.txt"
    path.write_text(
        "# feeds\nhttps://a.example/rss  # the main one\n\nftp://b.example/feed\nhttps://a.example/rss\n",
        encoding="utf-8",
    )
    urls, bad = read_sources_file(path)
    assert urls == ["https://a.example/rss"]
    assert [(b.where, b.reason) for b in bad] == [(f"{path}:4", "not an http(s) URL ('ftp://b.example/feed')")]


def recoupe(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def test_watch_once_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    with serve() as site:
        first_round(site)
        sources = sources_file(site, str(tmp_path / "sources.txt"), "/feeds/alpes.xml", "/private/feed.xml")
        result = recoupe("watch", sources, "--db", db, "--once", "--allow-private", "--workers", "1")
        refused = recoupe("watch", sources, "--db", tmp_path / "other.db", "--once", "--workers", "1")
    assert result.exit_code == 0, result.output
    lines = {m["url"]: m["reason"] for line in result.stderr.splitlines() if (m := SOURCE_LINE.match(line))}
    assert lines == {site.url("/private/feed.xml"): "disallowed by robots.txt"}
    assert "round 1: 2 sources (0 unchanged, 1 failed), 2 new items; 2 articles added" in result.stderr
    assert refused.exit_code == 2 and refused.stderr.count("private or loopback address") == 2
    assert recoupe("watch", sources, "--every", "soon").exit_code == 2
    missing = recoupe("watch", tmp_path / "nowhere.txt", "--db", db, "--once")
    assert missing.exit_code == 2 and "cannot read the sources file" in missing.stderr


def sitemap(*entries: tuple[str, str | None]) -> str:
    """A sitemap of (URL, news title or None) entries."""
    urls = []
    for url, title in entries:
        news = (
            f"<news:news><news:publication><news:name>Alpes Matin</news:name></news:publication>"
            f"<news:publication_date>2026-11-24T09:00:00+01:00</news:publication_date>"
            f"<news:title>{title}</news:title></news:news>"
            if title
            else ""
        )
        urls.append(f"<url><loc>{url}</loc>{news}</url>")
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{"".join(urls)}</urlset>'
    )


def test_a_sitemap_index_is_followed_and_a_large_source_is_taken_in_parts(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    settings = replace(FAST, watch_items_per_source=2)
    with serve() as site:
        first_round(site)
        site.routes["/sitemap-index.xml"] = Route(
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<sitemap><loc>/sitemaps/news.xml</loc></sitemap><sitemap><loc>/sitemaps/plain.xml</loc></sitemap>"
            "</sitemapindex>"
        )
        site.routes["/sitemaps/news.xml"] = Route(
            sitemap(
                (site.url("/alpes/tram"), "Grève des trams"),
                (site.url("/alpes/crue"), None),
                (site.url("/alpes/tram-suite"), "Les trams reprennent"),
            ),
            etag='"news-1"',
        )
        site.routes["/sitemaps/plain.xml"] = Route(
            sitemap((site.url("/plain/gone"), None), (site.url("/plain/down"), None)), etag='"plain-1"'
        )
        site.routes["/plain/down"] = Route("oops", status=503)
        sources = sources_file(site, str(tmp_path / "sources.txt"), "/sitemap-index.xml")
        first, first_problems = watch(sources, db, settings)
        site.routes["/plain/down"] = Route(site.routes["/alpes/crue"].body)
        site.routes["/alpes/tram-suite"] = Route(
            site.routes["/alpes/tram"].body.replace("mardi", "jeudi")  # type: ignore[union-attr]
        )
        second, second_problems = watch(sources, db, settings)

    assert first_problems == {
        site.url("/plain/gone"): "HTTP 404 Not Found",  # no headline to store: said, and not tried again
        site.url("/plain/down"): "HTTP 503 Service Unavailable",  # tried again next round
    }
    assert first.new_items == 4 and first.ingest.added == 2  # two items of each sitemap
    assert second_problems == {} and second.new_items == 2 and second.ingest.added == 1
    assert second.ingest.already_stored == 1  # /plain/down now serves the flood's page
    assert site.hits("/plain/gone") == 1 and site.hits("/plain/down") == (1 + FAST.fetch_retries) + 1
    _, articles = stories_of(db)
    expected = ("/alpes/tram", "/alpes/crue", "/alpes/tram-suite")
    assert sorted(articles) == sorted(site.url(path) for path in expected)


def test_watch_every_runs_rounds_until_interrupted(tmp_path: Path) -> None:
    # The real command in its own process: a round, a wait, a round that finds nothing new, then
    # Ctrl-C while it waits (20 s between rounds: the first, loading the models, may take most).
    db = tmp_path / "desk.db"
    with serve() as site:
        first_round(site)
        sources = sources_file(site, str(tmp_path / "sources.txt"), "/feeds/alpes.xml")
        command = [str(Path(sys.executable).parent / "recoupe"), "watch", sources, "--db", str(db),
                   "--every", "20s", "--allow-private", "--workers", "1"]
        # A Ctrl-C ignored here (a shell's background job ignores SIGINT) would be ignored by the
        # command too: with a handler of ours, the command starts with the default one.
        previous = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        finally:
            signal.signal(signal.SIGINT, previous)
        deadline = threading.Timer(420, process.kill)  # a hung loop fails the test, not the suite
        deadline.start()
        try:
            assert process.stderr is not None
            lines = []
            for line in process.stderr:
                lines.append(line)
                if line.startswith("recoupe: round 2:"):
                    break
            process.send_signal(signal.SIGINT)
            lines += process.communicate(timeout=60)[1].splitlines()
        finally:
            deadline.cancel()
            process.kill()
    assert process.returncode == 0, "".join(lines)
    rounds = [line for line in lines if line.startswith("recoupe: round")]
    assert rounds[0].startswith("recoupe: round 1: 1 sources")
    assert "2 new items; 2 articles added" in rounds[0]
    assert rounds[1].startswith("recoupe: round 2: 1 sources") and "0 new items" in rounds[1]
    _, articles = stories_of(db)
    assert len(articles) == 2
