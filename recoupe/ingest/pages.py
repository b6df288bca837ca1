"""Fetched pages as articles: downloaded politely (`recoupe.ingest.web`), then read exactly as an
`.html` file is (trafilatura and htmldate), under the same time budget; the URL is the article's
id and origin."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator

from recoupe.ingest.decode import InputError, content_hash, decode_text
from recoupe.ingest.html import read_html_article
from recoupe.ingest.limits import DocumentTimeout, time_budget
from recoupe.ingest.web import Fetcher, FetchError, Page, in_order
from recoupe.model import RawArticle, Skipped
from recoupe.settings import Settings


def page_text(page: Page) -> str:
    """The page's text: in the charset its headers declare when that decodes it, else detected."""
    if page.charset:
        try:
            codecs.lookup(page.charset)
            return page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(page.body)


def read_page(url: str, page: Page, settings: Settings) -> RawArticle | Skipped:
    """A downloaded page as the article of `url`, or why it is none (run in the main thread, where
    the time budget holds)."""
    try:
        with time_budget(settings.document_time_budget_s):
            if not page.body.strip():
                raise InputError("empty page")
            text = page_text(page)
            return read_html_article(text, url, url, content_hash(text))
    except (InputError, DocumentTimeout) as exc:
        return Skipped(url, str(exc))


def download_pages(urls: Iterable[str], fetcher: Fetcher) -> Iterator[tuple[str, Page | FetchError]]:
    """Each URL with its page or why it cannot be had, fetched concurrently, in the order given."""

    def download(url: str) -> Page | FetchError:
        try:
            return fetcher.get(url, html_only=True)
        except FetchError as exc:
            return exc

    yield from in_order(urls, download, fetcher.settings.fetch_concurrency)


def fetch_articles(urls: Iterable[str], fetcher: Fetcher) -> Iterator[RawArticle | Skipped]:
    """The article of each URL (`recoupe fetch`), or a `Skipped` naming it and the reason."""
    for url, page in download_pages(urls, fetcher):
        if isinstance(page, FetchError):
            yield Skipped(url, str(page))
        else:
            yield read_page(url, page, fetcher.settings)
