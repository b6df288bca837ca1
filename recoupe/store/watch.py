"""`recoupe watch`: rounds that read feeds and sitemaps, fetch their new items and ingest them.

A round reads every source (conditional GET: an unchanged feed costs one short answer), keeps the
items whose URL it has not dealt with before, fetches their pages and hands them to the pipeline's
driver (`recoupe.pipeline.ingest_items`) exactly as `recoupe ingest` hands it files: the round's
new articles join the stored stories open to them or open new ones (the stream regime). An item
whose page cannot be had is stored as its feed's headline (and summary).

Each item URL is recorded as seen in the transaction that stores its article; the sources'
validators and the items that stored nothing are recorded once the round is through. A round
killed half-way therefore redoes only its unfinished items: the next one refetches the feeds
(their validators were not saved), skips the items stored, and assigns the articles left pending.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from recoupe.ingest.decode import InputError
from recoupe.ingest.feeds import (
    FeedItem,
    SourceContent,
    headline_article,
    is_web_url,
    read_source,
    with_feed_metadata,
)
from recoupe.ingest.pages import download_pages, read_page
from recoupe.ingest.web import Fetcher, FetchError, Page, in_order
from recoupe.model import Article, RawArticle, Skipped
from recoupe.pipeline import IngestReport, ingest_items
from recoupe.settings import Settings
from recoupe.store.schema import connect, transaction
from recoupe.store.write import tidy_search_indexes

Problem = Callable[[str, str], None]  # (source or page URL, one-line reason)
SourceRead = tuple[Page, SourceContent] | None  # None: failed, or unchanged since the last round


@dataclass
class RoundReport:
    """What one round did."""

    sources: int = 0
    unchanged: int = 0  # answered 304 Not Modified
    failed: int = 0
    new_items: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)


def read_sources_file(path: str | Path) -> tuple[list[str], list[Skipped]]:
    """The URLs of a sources file, one a line; blank lines and `#` comments are skipped, and a line
    that is no http(s) URL is named."""
    urls: list[str] = []
    bad: list[Skipped] = []
    text = Path(path).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), start=1):
        url = line.split(" #")[0].strip()
        if not url or url.startswith("#"):
            continue
        if not is_web_url(url):
            bad.append(Skipped(f"{path}:{lineno}", f"not an http(s) URL ({url[:80]!r})"))
        elif url not in urls:
            urls.append(url)
    return urls, bad


def watch_once(
    sources_path: str | Path,
    db: str | Path,
    settings: Settings | None = None,
    *,
    on_problem: Problem | None = None,
    on_article: Callable[[Article], None] | None = None,
    workers: int | None = None,
    dask: str | None = None,
) -> RoundReport:
    """One round over the sources file (read again each round, so edits count) into the store."""
    settings = settings or Settings()
    problem = on_problem or (lambda _url, _reason: None)
    try:
        urls, bad = read_sources_file(sources_path)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the sources file {sources_path} ({exc})") from None
    for line in bad:
        problem(line.where, line.reason)
    connection = connect(db)
    try:
        report = watch_round(
            connection, urls, settings, on_problem=problem, on_article=on_article, workers=workers, dask=dask
        )
        tidy_search_indexes(connection, settings.search_index_segments)
        return report
    finally:
        connection.close()


def watch_round(
    connection: sqlite3.Connection,
    sources: list[str],
    settings: Settings,
    *,
    on_problem: Problem,
    on_article: Callable[[Article], None] | None = None,
    workers: int | None = None,
    dask: str | None = None,
) -> RoundReport:
    """Read the sources, fetch their new items and ingest them; every failure is one `on_problem`."""
    report = RoundReport(sources=len(sources))
    with Fetcher(settings) as fetcher:
        read = _read_sources(connection, sources, fetcher, report, on_problem)
        items, listed_by, complete = _new_items(connection, read, settings.watch_items_per_source)
        report.new_items = len(items)
        outcome = _ItemOutcomes()
        articles = _item_articles(items, fetcher, outcome, on_problem)
        report.ingest = ingest_items(
            connection,
            articles,
            settings,
            on_skip=lambda skipped: on_problem(skipped.where, skipped.reason),
            on_article=on_article,
            on_stored=_record_stored,
            workers=workers,
            dask=dask,
        )
    # A page that could not be fetched for now (a timeout, a 5xx), with no headline to store
    # instead, is tried again next round: neither it nor its source's validators are recorded.
    for url in outcome.unfetched:
        complete[listed_by[url]] = False
    with transaction(connection):
        for item in items:  # what stored no article of its own: a copy of a stored one, or nothing
            if item.url in outcome.unfetched:
                continue
            digest = outcome.hashes.get(item.url)
            connection.execute(
                "INSERT OR IGNORE INTO watched_items (url, content_hash, article_id)"
                " VALUES (?, ?, (SELECT id FROM articles WHERE content_hash = ?))",
                (item.url, digest, digest),
            )
        for url, source in read:
            if source is not None and complete[url]:
                page = source[0]
                connection.execute(
                    "INSERT OR REPLACE INTO watched_sources (url, etag, last_modified) VALUES (?, ?, ?)",
                    (url, page.etag, page.last_modified),
                )
    return report


def _read_sources(
    connection: sqlite3.Connection,
    sources: list[str],
    fetcher: Fetcher,
    report: RoundReport,
    on_problem: Problem,
) -> list[tuple[str, SourceRead]]:
    """Each source with its page and content (None when it failed, the bare page when unchanged);
    the sitemaps a sitemap index lists are read right after it, one level down."""
    validators = {
        url: (etag, modified)
        for url, etag, modified in connection.execute("SELECT url, etag, last_modified FROM watched_sources")
    }

    def read_one(url: str) -> tuple[Page, SourceContent] | Page | str:
        etag, modified = validators.get(url, (None, None))
        try:
            page = fetcher.get(url, etag=etag, last_modified=modified)
            return page if page.not_modified else (page, read_source(page.body, page.url))
        except (FetchError, InputError) as exc:
            return str(exc)

    def outcomes(urls: Iterable[str], nested: bool) -> Iterator[tuple[str, SourceRead]]:
        for url, outcome in in_order(urls, read_one, fetcher.settings.fetch_concurrency):
            if isinstance(outcome, str):
                report.failed += 1
                on_problem(url, outcome)
                yield url, None
            elif isinstance(outcome, Page):
                report.unchanged += 1
                yield url, None
            elif outcome[1].sitemaps and nested:
                report.failed += 1
                on_problem(url, "a sitemap index listed by a sitemap index: not followed")
                yield url, None
            else:
                yield url, outcome
                if outcome[1].sitemaps:
                    yield from outcomes([u for u in outcome[1].sitemaps if u not in sources], True)

    return list(outcomes(sources, False))


def _new_items(
    connection: sqlite3.Connection,
    read: list[tuple[str, SourceRead]],
    per_source: int,
) -> tuple[list[FeedItem], dict[str, str], dict[str, bool]]:
    """The items not dealt with before, in the sources' order, each URL once, at most `per_source`
    a source; the source that listed each; and for each source whether all of its new items were
    taken (else its validators are not saved, so that the next round reads it whole again)."""
    items: list[FeedItem] = []
    listed_by: dict[str, str] = {}
    complete: dict[str, bool] = {}
    taken: set[str] = set()
    for url, outcome in read:
        if outcome is None:
            continue
        fresh = [i for i in outcome[1].items if i.url not in taken and not _seen(connection, i.url)]
        fresh = list({i.url: i for i in reversed(fresh)}.values())[::-1]  # first of each URL
        # A sitemap index is read whole every round: its sitemaps may change while it does not.
        complete[url] = len(fresh) <= per_source and not outcome[1].sitemaps
        items += fresh[:per_source]
        listed_by |= {i.url: url for i in fresh[:per_source]}
        taken |= {i.url for i in fresh[:per_source]}
    return items, listed_by, complete


def _seen(connection: sqlite3.Connection, url: str) -> bool:
    """Dealt with before: by a round (watched_items) or stored under its URL (`recoupe fetch`)."""
    return connection.execute(
        "SELECT EXISTS (SELECT 1 FROM watched_items WHERE url = ?)"
        " OR EXISTS (SELECT 1 FROM articles WHERE id = ?)",
        (url, url),
    ).fetchone()[0]


@dataclass
class _ItemOutcomes:
    """What became of a round's items as they were read: each one's content hash, and the ones
    whose page could not be fetched for now and whose source gave no headline to store instead."""

    hashes: dict[str, str] = field(default_factory=dict)
    unfetched: set[str] = field(default_factory=set)


def _item_articles(
    items: list[FeedItem], fetcher: Fetcher, outcome: _ItemOutcomes, on_problem: Problem
) -> Iterator[RawArticle | Skipped]:
    """Each item's page as an article, read as an `.html` file is; its feed's headline when the
    page cannot be had."""
    by_url = {item.url: item for item in items}
    for url, page in download_pages(by_url, fetcher):
        item = by_url[url]
        if isinstance(page, FetchError):
            read: RawArticle | Skipped = Skipped(url, str(page))
        else:
            read = read_page(url, page, fetcher.settings)
        if isinstance(read, RawArticle):
            article: RawArticle | Skipped = with_feed_metadata(read, item)
        elif (headline := headline_article(item)) is not None:
            on_problem(url, f"{read.reason}; stored the feed's headline instead")
            article = headline
        else:
            article = read
            if isinstance(page, FetchError) and page.transient:
                outcome.unfetched.add(url)
        if isinstance(article, RawArticle):
            outcome.hashes[url] = article.content_hash
        yield article


def _record_stored(connection: sqlite3.Connection, stored: list[RawArticle]) -> None:
    """Inside the transaction storing these articles: their URLs are seen."""
    connection.executemany(
        "INSERT OR REPLACE INTO watched_items (url, content_hash, article_id) VALUES (?, ?, ?)",
        [(raw.origin, raw.content_hash, raw.id) for raw in stored],
    )
